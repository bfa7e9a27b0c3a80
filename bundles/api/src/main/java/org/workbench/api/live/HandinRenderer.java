package org.workbench.api.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes the hand-in: the problem set answered question by question, as a student submits it, in
 * one self-contained {@value #FILE} (style, fonts, math and plots inlined) with a print style sheet,
 * from the latest homework run of every experiment. The body says nothing about the tool that
 * computed it; a short appendix gives the provenance.
 *
 * @since 1.1
 */
@ConsumerType
public interface HandinRenderer {
    /** The name of the page written into the output folder. */
    String FILE = "handin.html";

    /**
     * @param results     the results folder whose homework runs fill the answers
     * @param experiments the descriptors and their answer files
     * @param out         the folder to write {@value #FILE} into (created if needed)
     * @param versions    what the appendix names as the versions that made it, in order (e.g.
     *                    {@code "workbench" -> "1.0.0"})
     * @param command     the command that reproduces the hand-in, as the appendix prints it
     * @return the page's path
     */
    Path write(Path results, Path experiments, Path out, Map<String, String> versions, String command) throws IOException;
}

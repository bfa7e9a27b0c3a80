package org.workbench.api.live;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes the static report ({@code report.html} and the assets it needs, beside the result folders)
 * from the same templates as the web workbench's pages, so that it opens from disk with no server.
 */
@ConsumerType
public interface ReportRenderer {
    /**
     * @param results     the results folder (the report goes there)
     * @param experiments the descriptors and their answer files
     * @return the report's path
     */
    Path write(Path results, Path experiments) throws IOException;
}

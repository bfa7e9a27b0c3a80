package org.workbench.engine.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.Overrides;

/**
 * The command that resumes an interrupted run, as a user types it in a shell: the descriptor, its
 * {@code --set} and {@code --sweep} overrides as given, the output folder when it is not the default,
 * and {@code --resume}; every word quoted when the shell would otherwise split or expand it.
 */
final class ResumeCommand {
    private static final Path DEFAULT_OUT = Path.of("results");

    private ResumeCommand() {
    }

    static String of(Descriptor descriptor, Path outRoot) {
        List<String> words = new ArrayList<>(List.of("./workbench", "run", descriptor.file().toString()));
        for (String override : descriptor.overrides()) {
            if (override.startsWith(Overrides.SWEEP_PREFIX)) {
                words.add("--sweep");
                words.add(override.substring(Overrides.SWEEP_PREFIX.length()));
            } else {
                words.add("--set");
                words.add(override);
            }
        }
        if (!outRoot.normalize().equals(DEFAULT_OUT)) {
            words.add("--out");
            words.add(outRoot.toString());
        }
        words.add("--resume");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append(b.length() == 0 ? "" : " ").append(quote(w));
        }
        return b.toString();
    }

    /** A word as a POSIX shell reads it back: as is when safe, else in single quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,+@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

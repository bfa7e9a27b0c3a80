package org.workbench.engine.run;

import org.workbench.api.Progress;

/** Opens progress reporters for tasks; the command line renders them on the terminal. */
@FunctionalInterface
public interface ProgressFactory {
    /** A reporter for a loop of {@code total} steps labelled {@code label}. */
    Progress open(String label, long total);

    /** Discards all progress (tests, quiet runs). */
    ProgressFactory SILENT = (label, total) -> new Progress() {
        @Override
        public void update(long done, String status) {
        }

        @Override
        public void message(String line) {
        }

        @Override
        public void close() {
        }
    };
}

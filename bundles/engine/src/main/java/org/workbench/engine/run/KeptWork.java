package org.workbench.engine.run;

import java.nio.file.Path;

/**
 * A run was interrupted (cancelled, timed out, stopped by a signal) after some of its points or
 * units had finished: they are kept in its unfinished folder for {@code --resume}.
 */
final class KeptWork extends RunFailure {
    private static final long serialVersionUID = 1L;
    private final transient Path folder;

    KeptWork(String message, Path folder) {
        super(message, null);
        this.folder = folder;
    }

    /** The unfinished folder that keeps the finished work. */
    Path folder() {
        return folder;
    }
}

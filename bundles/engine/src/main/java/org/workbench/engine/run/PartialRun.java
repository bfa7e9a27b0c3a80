package org.workbench.engine.run;

import java.nio.file.Path;

/** Some points of a sweep failed: the others are published in a result marked partial (exit status 1). */
public final class PartialRun extends RunFailure {
    private static final long serialVersionUID = 1L;
    private final transient Path result;

    PartialRun(String message, Path result) {
        super(message, null);
        this.result = result;
    }

    /** The published {@code result.json}, with {@code "status": "partial"} and {@code missing}. */
    public Path result() {
        return result;
    }
}

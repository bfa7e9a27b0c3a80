package org.workbench.engine.run;

/** A run failed (exit status 1); no result folder was left behind, unless it is a {@link PartialRun}. */
public class RunFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

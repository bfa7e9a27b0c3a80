package org.workbench.engine.serve;

/** Thrown on a live run's thread at its next progress report once the run has been cancelled. */
final class RunCancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunCancelled() {
        super("cancelled", null, false, false);
    }
}

package org.workbench.engine.run;

/**
 * Thrown on a run's thread at its next progress report once the run has been cancelled (its thread
 * interrupted: Ctrl-C, the web page's cancel button, {@code wb:run}'s caller, a time limit), so that a
 * task whose loop never waits on anything interruptible still ends within one step.
 */
final class RunCancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunCancelled() {
        super("cancelled", null, false, false);
    }

    /** Throws when the calling thread has been interrupted (its interrupt status is kept). */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RunCancelled();
        }
    }
}

package org.workbench.engine.run;

/**
 * A run that timed out or was cancelled and ignores interruption, on a Java that cannot stop a
 * thread (20 and later): its thread goes on in this JVM, so the only way to end it is to end the
 * process, which the command that ran it does after saying so. Its unfinished folder is removed (or
 * kept for {@code --resume}) by the run's shutdown hook, which does not wait for an abandoned run.
 */
public final class UnstoppableRun extends RunFailure {
    private static final long serialVersionUID = 1L;

    UnstoppableRun(String message) {
        super(message, null);
    }
}

package org.workbench.api.live;

import org.osgi.annotation.versioning.ProviderType;

/** A run started through {@link Workspace#start}. */
@ProviderType
public interface Execution {
    /**
     * Stops the run as Ctrl-C does: its thread is interrupted, the task stops at its next progress
     * report, and the unfinished result folder is removed; the observer then hears the end with
     * status 1. Does nothing once the run has ended.
     */
    void cancel();

    /**
     * The run's id, the same as its {@link ActiveRun#id()} while it is in progress.
     *
     * @since 1.1
     */
    String id();

    /** Whether the run has ended (done, failed or cancelled). */
    boolean done();
}

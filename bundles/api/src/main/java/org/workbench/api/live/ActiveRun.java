package org.workbench.api.live;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A run in progress in this runtime, whoever started it (the web page, the command line, the shell's
 * {@code wb:run}): what it runs, how far it is, and a way to hear the rest of it or to cancel it.
 *
 * @since 1.1
 */
@ProviderType
public interface ActiveRun {
    /** This runtime's id of the run, unique while the runtime is up (letters and digits). */
    String id();

    /** The descriptor's name once it is read, its file name before. */
    String name();

    /** The {@code --set}-style overrides it runs with. */
    List<String> overrides();

    /** Who started it: {@code "page"} or {@code "command line"}. */
    String origin();

    /** When it started, in milliseconds since the epoch. */
    long startedAt();

    /** The latest progress report of any of its loops; {@code null} before the first. */
    Snapshot progress();

    /**
     * Lets {@code observer} hear the run from now on: its progress, messages and metrics, and its end
     * exactly once.
     *
     * @return {@code false} when the run has already ended (the observer hears nothing)
     */
    boolean observe(RunObserver observer);

    /** Stops the run as Ctrl-C does; nothing half-written is left. Does nothing once it has ended. */
    void cancel();

    /**
     * One progress report: {@code done} of {@code total} steps of the loop {@code label}.
     *
     * @param label  the loop's label
     * @param done   steps done
     * @param total  steps in the loop
     * @param status a short status such as "loss 0.512"
     */
    record Snapshot(String label, long done, long total, String status) {
    }
}

package org.workbench.api.live;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The folders a long-lived session of the workbench works in, and a way to start runs in them.
 * Registered by the engine while it serves (so components that need it activate only then).
 */
@ProviderType
public interface Workspace {
    /** Where result folders are written ({@code results/} by default). */
    Path results();

    /** The folder of the homework's descriptors and answers ({@code experiments/} by default). */
    Path experiments();

    /** The watched plugins folder. */
    Path plugins();

    /**
     * Starts a run of {@code descriptor} with {@code --set}-style overrides ({@code PATH=VALUE}) on
     * a thread of its own and returns at once; {@code observer} hears its progress and, exactly once,
     * its end. Invalid input ends the run with status 2 and nothing written.
     */
    Execution start(Path descriptor, List<String> overrides, RunObserver observer);

    /**
     * The runs in progress in this runtime now, oldest first, whoever started them (this workspace's
     * {@link #start}, the command line or the shell of the same runtime).
     *
     * @since 1.1
     */
    List<ActiveRun> active();
}

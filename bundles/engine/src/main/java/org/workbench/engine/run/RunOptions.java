package org.workbench.engine.run;

import org.workbench.engine.catalog.BundleJars;

import org.workbench.api.execution.Executor;

/**
 * How a run executes: which executor runs its points, whether points travel to other JVMs, and
 * whether to resume the newest interrupted or partial run of the same pinned descriptor.
 *
 * @param kind     the executor's name for provenance ({@code local}, {@code hazelcast})
 * @param executor runs the units
 * @param remote   whether units run elsewhere (as JSON) rather than in this JVM (live objects)
 * @param resume   whether to continue an interrupted or partial run
 * @param jars     the bundles behind providers (pins for units, jars for members)
 */
public record RunOptions(String kind, Executor executor, boolean remote, boolean resume, BundleJars jars) {
    /** Today's default: this machine's cores, a fresh run. */
    public static RunOptions local(int threads) {
        return new RunOptions(LocalExecutor.MEMBER, new LocalExecutor(threads), false, false, BundleJars.NONE);
    }

    public RunOptions resuming(boolean resume) {
        return new RunOptions(kind, executor, remote, resume, jars);
    }
}

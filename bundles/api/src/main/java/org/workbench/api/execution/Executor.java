package org.workbench.api.execution;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs units somewhere: this machine's thread pool ({@code local}) or the members of a cluster
 * ({@code hazelcast}). Created per run by a provider of kind {@code executor}; closed when the run ends.
 */
@ConsumerType
public interface Executor extends AutoCloseable {
    /**
     * Runs every unit and reports each through {@code callback}; returns when all have finished or
     * failed. A unit whose member leaves before it finishes is run again on another member.
     *
     * @param runner runs a unit in this JVM (what the local executor uses; a cluster executor may use
     *               it for units that only this JVM can run)
     * @throws InterruptedException when the run is interrupted; units still running are abandoned
     */
    void execute(List<Unit> units, UnitRunner runner, UnitCallback callback) throws InterruptedException;

    /**
     * Makes this JVM a member that runs units sent to it with {@code runner} until the JVM stops.
     *
     * @return the member's address, {@code HOST:PORT}
     * @throws UnsupportedOperationException when the executor has no members (the local one)
     */
    default String serve(UnitRunner runner) throws Exception {
        throw new UnsupportedOperationException("this executor runs units in this JVM only; it has no members");
    }

    @Override
    void close();
}

package org.workbench.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The work of one fan-out of a task (for example the replications of a study): unit {@code index}
 * computed from the run's components and the index alone, so that the engine may run it on any
 * thread or any machine and get the same numbers. Everything a unit returns is in its result tree;
 * a unit writes no files and draws no plots.
 *
 * @since 1.2
 */
@ConsumerType
@FunctionalInterface
public interface UnitWork {
    /**
     * Computes unit {@code index}.
     *
     * @param context the run's context (its components, parameters and seed); on another machine
     *                a context rebuilt from the same pinned descriptor and seed
     */
    ResultTree run(TaskContext context, int index) throws Exception;
}

package org.workbench.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A task whose runs fan out independent units through {@link TaskContext#fanOut}. The engine may
 * run a unit on another machine: there it creates the task again from the same pinned descriptor
 * and seed and asks it for the work of the named fan-out, so a unit travels as data, never as a
 * live object.
 *
 * @since 1.2
 */
@ConsumerType
public interface FanOutTask extends Task {
    /**
     * The work of the fan-out that {@link #run} starts under {@code name}.
     *
     * @throws IllegalArgumentException when the task has no fan-out of that name
     */
    UnitWork unitWork(String name);
}

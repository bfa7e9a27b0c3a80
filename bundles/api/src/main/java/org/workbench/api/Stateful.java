package org.workbench.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component whose mutable state (an optimizer's momentum, a sampler's adapted step size) can be
 * carried over to its successor when a newer version is swapped in during a run
 * ({@link TaskContext#newerComponent}). Keys are the component's own; a successor ignores keys it
 * does not know and starts fresh for those it misses.
 */
@ConsumerType
public interface Stateful {
    /** A copy of the current state. */
    Map<String, double[]> exportState();

    /** Takes over state exported by a predecessor (possibly an older version of the same component). */
    void importState(Map<String, double[]> state);
}

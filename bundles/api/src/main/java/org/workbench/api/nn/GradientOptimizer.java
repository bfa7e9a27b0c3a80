package org.workbench.api.nn;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component of kind {@code optimizer} that updates network parameters from their gradients.
 * One instance belongs to one run and is called with the same {@link Weights} blocks on every
 * step, so it may keep per-block state (momentum, moment estimates) keyed by block.
 */
@ConsumerType
public interface GradientOptimizer {
    /** Applies one update: modifies each block's {@link Weights#value()} from its {@link Weights#gradient()}. */
    void step(List<Weights> weights);
}

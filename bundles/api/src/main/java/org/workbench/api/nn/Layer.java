package org.workbench.api.nn;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component of kind {@code layer}: one stage of a feed-forward network working on batches
 * (one example per row). Life cycle: {@link #build} once for an input width, then any number of
 * {@link #forward} calls, each optionally followed by one {@link #backward}. A layer draws its
 * initial parameters from its own component random stream, so a run is reproducible. Not thread-safe.
 */
@ConsumerType
public interface Layer {
    /**
     * Prepares the layer for inputs of {@code inputWidth} columns: allocates (and, for a layer
     * with parameters, initialises) its parameters in {@code precision}. Calling it again
     * re-initialises the parameters.
     *
     * @param backend the products to use for dense algebra
     * @return the width of the layer's output
     * @throws IllegalArgumentException when the layer cannot take that width
     */
    int build(int inputWidth, Precision precision, Backend backend);

    /**
     * Computes the output for a batch. The returned matrix is owned by the layer and overwritten
     * by the next call; {@code input} must stay unchanged until {@link #backward} (the layer may
     * keep a reference to it).
     */
    Matrix forward(Matrix input);

    /**
     * Back-propagates through the last {@link #forward}: given dL/d(output), overwrites the
     * gradients of {@link #weights()} and, when {@code inputGradient} is true, returns dL/d(input)
     * (a matrix the layer owns); otherwise returns {@code null} and skips that work (the first
     * layer of a network never needs it). {@code outputGradient} may be modified.
     */
    Matrix backward(Matrix outputGradient, boolean inputGradient);

    /** The trainable parameter blocks (empty for an activation); valid after {@link #build}. */
    List<Weights> weights();
}

package org.workbench.api.nn;

import java.util.Objects;

/**
 * One named block of trainable parameters of a layer (for example {@code W} or {@code b} of a
 * dense layer) together with the gradient of the loss with respect to it, of the same shape.
 * The layer owns both matrices: {@link Layer#backward} overwrites {@link #gradient()}, a
 * {@link GradientOptimizer} modifies {@link #value()} in place.
 *
 * @param name     the block's name within its layer
 * @param value    the parameters
 * @param gradient dL/d(value) after the last backward pass
 */
public record Weights(String name, Matrix value, Matrix gradient) {
    public Weights {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(gradient, "gradient");
        if (value.rows() != gradient.rows() || value.columns() != gradient.columns()
                || value.precision() != gradient.precision()) {
            throw new IllegalArgumentException("weights '" + name + "' are " + value + " but the gradient is " + gradient);
        }
    }
}

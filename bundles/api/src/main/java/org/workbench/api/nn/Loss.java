package org.workbench.api.nn;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component of kind {@code loss}: the mean over a batch of a per-example loss between the
 * network's output rows and the targets (class indices 0..k-1, or 0/1 for a binary loss).
 */
@ConsumerType
public interface Loss {
    /**
     * The mean loss over the {@code output.rows()} examples; writes dL/d(output) of that mean
     * into {@code gradient} (reshaped to the output's shape and precision; it must not alias
     * {@code output}). Modifies nothing else.
     *
     * @param targets one target per row, read from {@code offset}
     * @throws IllegalArgumentException when the output's width or a target does not fit this loss
     */
    double evaluate(Matrix output, double[] targets, int offset, Matrix gradient);

    /** Writes the class that each output row predicts into {@code classes[0..rows)}. */
    void predict(Matrix output, int[] classes);
}

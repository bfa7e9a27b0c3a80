package org.workbench.loss.core;

import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * Mean cross-entropy of class probabilities (the output of a {@code softmax} layer), the template's
 * {@code cross_entropy(y_hat, y)}: L = -(1/n) sum_i log p_{i, y_i} with p clamped to at least
 * {@link #CLAMP} so that no log(0) occurs when a probability underflows. Gradient: -1/(n p_{i,y_i})
 * in the target's column (at the clamped p), 0 elsewhere. Targets are class indices 0..k-1.
 * Through a softmax layer this gives the same loss and gradient as the fused
 * {@code softmax-cross-entropy} on logits, up to rounding (and up to the clamp).
 */
final class CrossEntropy implements Loss {
    /** The smallest probability whose log is taken. */
    static final double CLAMP = 1e-12;

    @Override
    public double evaluate(Matrix output, double[] targets, int offset, Matrix gradient) {
        Checks.distinct(output, gradient);
        int n = output.rows();
        int k = output.columns();
        if (k < 2) {
            throw new IllegalArgumentException("cross-entropy needs at least 2 output columns (class probabilities), got "
                    + output.shape());
        }
        Checks.targets(targets, offset, n);
        gradient.reshape(n, k);
        double sum = 0;
        if (gradient.precision() == Precision.FLOAT) {
            java.util.Arrays.fill(gradient.floats(), 0, n * k, 0f);
        } else {
            java.util.Arrays.fill(gradient.doubles(), 0, n * k, 0.0);
        }
        for (int i = 0; i < n; i++) {
            int y = Checks.label("cross-entropy", targets[offset + i], k, i);
            double p = output.get(i, y);
            if (!(p >= 0 && p <= 1 + 1e-6)) {
                throw new IllegalArgumentException("cross-entropy needs probabilities (put a softmax layer before it); row "
                        + i + " has " + p + " for class " + y);
            }
            double clamped = Math.max(p, CLAMP);
            sum -= Math.log(clamped);
            gradient.set(i, y, -1.0 / (n * clamped));
        }
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public void predict(Matrix output, int[] classes) {
        Checks.argmaxPerRow(output, classes);
    }

    @Override
    public String toString() {
        return "cross-entropy";
    }
}

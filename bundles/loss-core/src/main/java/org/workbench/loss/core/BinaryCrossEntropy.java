package org.workbench.loss.core;

import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;

/**
 * Mean binary cross-entropy L = -(y log p + (1 - y) log(1 - p)) for outputs of width 1 and
 * targets in [0, 1]. From probabilities (the homework's sigmoid output): p is clamped to
 * [1e-12, 1 - 1e-12] so no log(0) can occur, and the gradient (p - y) / (p (1 - p)) is taken at
 * the clamped p. From logits a: L = max(a, 0) - a y + log(1 + e^-|a|), gradient sigmoid(a) - y,
 * finite for every a.
 */
final class BinaryCrossEntropy implements Loss {
    static final double CLAMP = 1e-12;
    private final boolean fromLogits;

    BinaryCrossEntropy(boolean fromLogits) {
        this.fromLogits = fromLogits;
    }

    @Override
    public double evaluate(Matrix output, double[] targets, int offset, Matrix gradient) {
        Checks.distinct(output, gradient);
        if (output.columns() != 1) {
            throw new IllegalArgumentException("binary-cross-entropy needs an output of width 1, got " + output.shape());
        }
        int n = output.rows();
        Checks.targets(targets, offset, n);
        gradient.reshape(n, 1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double y = targets[offset + i];
            if (!(y >= 0 && y <= 1)) {
                throw new IllegalArgumentException("binary-cross-entropy needs targets in [0, 1], row " + i + " has " + y);
            }
            double v = output.at(i);
            double loss;
            double g;
            if (fromLogits) {
                loss = Math.max(v, 0) - v * y + Math.log1p(Math.exp(-Math.abs(v)));
                g = sigmoid(v) - y;
            } else {
                double p = Math.min(Math.max(v, CLAMP), 1 - CLAMP);
                loss = -(y * Math.log(p) + (1 - y) * Math.log1p(-p));
                g = (p - y) / (p * (1 - p));
            }
            sum += loss;
            gradient.set(i, 0, g / n);
        }
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public void predict(Matrix output, int[] classes) {
        double threshold = fromLogits ? 0.0 : 0.5;
        for (int i = 0; i < output.rows(); i++) {
            classes[i] = output.get(i, 0) >= threshold ? 1 : 0;
        }
    }

    private static double sigmoid(double a) {
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1 + e);
    }

    @Override
    public String toString() {
        return "binary-cross-entropy(" + (fromLogits ? "logits" : "probability") + ")";
    }
}

package org.workbench.optimizer.sgd;

import java.util.List;

import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/** Plain SGD: modifies every block's values in place, theta -= learningRate * gradient. Stateless. */
final class Sgd implements GradientOptimizer {
    private final double learningRate;

    Sgd(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    // handin:begin sgd
    public void step(List<Weights> weights) {
        for (Weights w : weights) {
            Matrix value = w.value();
            Matrix gradient = w.gradient();
            int n = value.size();
            if (value.precision() == Precision.FLOAT) {
                float[] v = value.floats();
                float[] g = gradient.floats();
                float lr = (float) learningRate;
                for (int k = 0; k < n; k++) {
                    v[k] -= lr * g[k];
                }
            } else {
                double[] v = value.doubles();
                double[] g = gradient.doubles();
                for (int k = 0; k < n; k++) {
                    v[k] -= learningRate * g[k];
                }
            }
        }
    }
    // handin:end

    @Override
    public String toString() {
        return "sgd(" + learningRate + ")";
    }
}

package org.workbench.loss.core;

import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * Mean softmax cross-entropy over k classes from logits z: L = log sum_j e^{z_j} - z_y, computed
 * as m + log sum_j e^{z_j - m} with m = max_j z_j (log-sum-exp), so it is finite for any finite
 * logits; gradient (softmax(z) - onehot(y)) / n. Targets are class indices 0..k-1.
 */
final class SoftmaxCrossEntropy implements Loss {
    @Override
    // handin:begin softmax-cross-entropy
    public double evaluate(Matrix output, double[] targets, int offset, Matrix gradient) {
        Checks.distinct(output, gradient);
        int n = output.rows();
        int k = output.columns();
        if (k < 2) {
            throw new IllegalArgumentException("softmax-cross-entropy needs at least 2 output columns, got " + output.shape());
        }
        Checks.targets(targets, offset, n);
        gradient.reshape(n, k);
        double sum = 0;
        double scale = 1.0 / n;
        if (output.precision() == Precision.FLOAT) {
            float[] z = output.floats();
            float[] g = gradient.floats();
            for (int i = 0; i < n; i++) {
                int row = i * k;
                int y = Checks.label("softmax-cross-entropy", targets[offset + i], k, i);
                float m = z[row];
                for (int j = 1; j < k; j++) {
                    m = Math.max(m, z[row + j]);
                }
                double s = 0;
                for (int j = 0; j < k; j++) {
                    double e = Math.exp(z[row + j] - m);
                    g[row + j] = (float) e;
                    s += e;
                }
                sum += Math.log(s) - (z[row + y] - m);
                double inv = scale / s;
                for (int j = 0; j < k; j++) {
                    g[row + j] = (float) (g[row + j] * inv);
                }
                g[row + y] -= (float) scale;
            }
        } else {
            double[] z = output.doubles();
            double[] g = gradient.doubles();
            for (int i = 0; i < n; i++) {
                int row = i * k;
                int y = Checks.label("softmax-cross-entropy", targets[offset + i], k, i);
                double m = z[row];
                for (int j = 1; j < k; j++) {
                    m = Math.max(m, z[row + j]);
                }
                double s = 0;
                for (int j = 0; j < k; j++) {
                    double e = Math.exp(z[row + j] - m);
                    g[row + j] = e;
                    s += e;
                }
                sum += Math.log(s) - (z[row + y] - m);
                double inv = scale / s;
                for (int j = 0; j < k; j++) {
                    g[row + j] *= inv;
                }
                g[row + y] -= scale;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
    // handin:end

    @Override
    public void predict(Matrix output, int[] classes) {
        Checks.argmaxPerRow(output, classes);
    }

    @Override
    public String toString() {
        return "softmax-cross-entropy";
    }
}

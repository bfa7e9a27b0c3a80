package org.workbench.layers.core;

import java.util.List;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * Row-wise softmax y_j = e^{z_j - m} / sum_k e^{z_k - m} with m = max_k z_k (so no exponential
 * overflows), the template's {@code softmax(x)}. Backward, per row: dL/dz_j = y_j (g_j - sum_k g_k y_k),
 * the softmax Jacobian applied to the upstream gradient g, written in place into g. Sums are
 * accumulated in double also in float precision. Keeps its output buffer across batches.
 */
final class Softmax implements Layer {
    private Precision precision;
    private int width = -1;
    private Matrix output;
    private boolean forwarded;

    @Override
    public int build(int inputWidth, Precision p, Backend backend) {
        if (inputWidth < 2) {
            throw new IllegalArgumentException("softmax layer needs at least 2 inputs (classes), got " + inputWidth);
        }
        this.precision = p;
        this.width = inputWidth;
        return inputWidth;
    }

    @Override
    public Matrix forward(Matrix x) {
        Shapes.requireBuilt(precision != null, "softmax");
        Shapes.requireInput(x, precision, width, "softmax");
        output = Matrix.reuse(output, precision, x.rows(), x.columns());
        int k = x.columns();
        if (precision == Precision.DOUBLE) {
            double[] z = x.doubles();
            double[] y = output.doubles();
            for (int row = 0; row < x.rows() * k; row += k) {
                double m = z[row];
                for (int j = 1; j < k; j++) {
                    m = Math.max(m, z[row + j]);
                }
                double s = 0;
                for (int j = 0; j < k; j++) {
                    y[row + j] = Math.exp(z[row + j] - m);
                    s += y[row + j];
                }
                for (int j = 0; j < k; j++) {
                    y[row + j] /= s;
                }
            }
        } else {
            float[] z = x.floats();
            float[] y = output.floats();
            for (int row = 0; row < x.rows() * k; row += k) {
                float m = z[row];
                for (int j = 1; j < k; j++) {
                    m = Math.max(m, z[row + j]);
                }
                double s = 0;
                for (int j = 0; j < k; j++) {
                    double e = Math.exp(z[row + j] - m);
                    y[row + j] = (float) e;
                    s += e;
                }
                double inv = 1 / s;
                for (int j = 0; j < k; j++) {
                    y[row + j] = (float) (y[row + j] * inv);
                }
            }
        }
        forwarded = true;
        return output;
    }

    /** Overwrites {@code g} with dL/dz and returns it (or returns null when no input gradient is needed). */
    @Override
    public Matrix backward(Matrix g, boolean needInputGradient) {
        Shapes.requireForward(forwarded ? output : null, "softmax");
        Shapes.requireGradient(g, output);
        if (!needInputGradient) {
            return null;
        }
        int k = g.columns();
        if (precision == Precision.DOUBLE) {
            double[] d = g.doubles();
            double[] y = output.doubles();
            for (int row = 0; row < g.rows() * k; row += k) {
                double dot = 0;
                for (int j = 0; j < k; j++) {
                    dot += d[row + j] * y[row + j];
                }
                for (int j = 0; j < k; j++) {
                    d[row + j] = y[row + j] * (d[row + j] - dot);
                }
            }
        } else {
            float[] d = g.floats();
            float[] y = output.floats();
            for (int row = 0; row < g.rows() * k; row += k) {
                double dot = 0;
                for (int j = 0; j < k; j++) {
                    dot += (double) d[row + j] * y[row + j];
                }
                for (int j = 0; j < k; j++) {
                    d[row + j] = (float) (y[row + j] * (d[row + j] - dot));
                }
            }
        }
        return g;
    }

    @Override
    public List<Weights> weights() {
        return List.of();
    }

    @Override
    public String toString() {
        return "softmax";
    }
}

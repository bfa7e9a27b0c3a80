package org.workbench.layers.core;

import java.util.List;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * Element-wise logistic sigmoid s(a) = 1 / (1 + e^-a), evaluated without overflow for either
 * sign; backward multiplies the output gradient in place by s(a)(1 - s(a)).
 */
final class Sigmoid implements Layer {
    private Precision precision;
    private int width = -1;
    private Matrix output;
    private boolean forwarded;

    @Override
    public int build(int inputWidth, Precision p, Backend backend) {
        this.precision = p;
        this.width = inputWidth;
        return inputWidth;
    }

    static double sigmoid(double a) {
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1 + e);
    }

    @Override
    public Matrix forward(Matrix x) {
        Shapes.requireBuilt(precision != null, "sigmoid");
        Shapes.requireInput(x, precision, width, "sigmoid");
        output = Matrix.reuse(output, precision, x.rows(), x.columns());
        int n = x.size();
        if (precision == Precision.DOUBLE) {
            double[] in = x.doubles();
            double[] y = output.doubles();
            for (int k = 0; k < n; k++) {
                y[k] = sigmoid(in[k]);
            }
        } else {
            float[] in = x.floats();
            float[] y = output.floats();
            for (int k = 0; k < n; k++) {
                y[k] = (float) sigmoid(in[k]);
            }
        }
        forwarded = true;
        return output;
    }

    @Override
    public Matrix backward(Matrix g, boolean needInputGradient) {
        Shapes.requireForward(forwarded ? output : null, "sigmoid");
        Shapes.requireGradient(g, output);
        if (!needInputGradient) {
            return null;
        }
        int n = g.size();
        if (precision == Precision.DOUBLE) {
            double[] gd = g.doubles();
            double[] y = output.doubles();
            for (int k = 0; k < n; k++) {
                gd[k] *= y[k] * (1 - y[k]);
            }
        } else {
            float[] gf = g.floats();
            float[] y = output.floats();
            for (int k = 0; k < n; k++) {
                gf[k] *= y[k] * (1 - y[k]);
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
        return "sigmoid";
    }
}

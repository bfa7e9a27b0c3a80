package org.workbench.layers.core;

import java.util.List;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * Element-wise rectifier max(a, 0); backward zeroes, in place, the output gradient where the
 * output is 0 (the subgradient 0 is used at a = 0).
 */
final class Relu implements Layer {
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

    @Override
    public Matrix forward(Matrix x) {
        Shapes.requireBuilt(precision != null, "relu");
        Shapes.requireInput(x, precision, width, "relu");
        output = Matrix.reuse(output, precision, x.rows(), x.columns());
        int n = x.size();
        if (precision == Precision.DOUBLE) {
            double[] in = x.doubles();
            double[] y = output.doubles();
            for (int k = 0; k < n; k++) {
                y[k] = Math.max(in[k], 0.0);
            }
        } else {
            float[] in = x.floats();
            float[] y = output.floats();
            for (int k = 0; k < n; k++) {
                y[k] = Math.max(in[k], 0f);
            }
        }
        forwarded = true;
        return output;
    }

    @Override
    public Matrix backward(Matrix g, boolean needInputGradient) {
        Shapes.requireForward(forwarded ? output : null, "relu");
        Shapes.requireGradient(g, output);
        if (!needInputGradient) {
            return null;
        }
        int n = g.size();
        if (precision == Precision.DOUBLE) {
            double[] gd = g.doubles();
            double[] y = output.doubles();
            for (int k = 0; k < n; k++) {
                gd[k] = y[k] > 0 ? gd[k] : 0.0;
            }
        } else {
            float[] gf = g.floats();
            float[] y = output.floats();
            for (int k = 0; k < n; k++) {
                gf[k] = y[k] > 0 ? gf[k] : 0f;
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
        return "relu";
    }
}

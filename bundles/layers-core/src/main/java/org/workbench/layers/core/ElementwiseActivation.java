package org.workbench.layers.core;

import java.util.List;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * A parameter-free layer applied element by element: keeps the shape, remembers its output for the
 * backward pass (reusing that buffer across batches) and multiplies the upstream gradient in place
 * by the derivative, which subclasses express through their output. Subclasses supply the four
 * primitive loops only.
 */
abstract class ElementwiseActivation implements Layer {
    private final String name;
    private Precision precision;
    private int width = -1;
    private Matrix output;
    private boolean forwarded;

    ElementwiseActivation(String name) {
        this.name = name;
    }

    /** Writes f(in[k]) into {@code out[k]} for k &lt; n. */
    abstract void apply(double[] in, double[] out, int n);

    /** Writes f(in[k]) into {@code out[k]} for k &lt; n. */
    abstract void apply(float[] in, float[] out, int n);

    /** Multiplies {@code g[k]} in place by f'(a_k), given the outputs {@code y[k]} = f(a_k). */
    abstract void scaleByDerivative(double[] g, double[] y, int n);

    /** Multiplies {@code g[k]} in place by f'(a_k), given the outputs {@code y[k]} = f(a_k). */
    abstract void scaleByDerivative(float[] g, float[] y, int n);

    @Override
    public final int build(int inputWidth, Precision p, Backend backend) {
        this.precision = p;
        this.width = inputWidth;
        return inputWidth;
    }

    @Override
    public final Matrix forward(Matrix x) {
        Shapes.requireBuilt(precision != null, name);
        Shapes.requireInput(x, precision, width, name);
        output = Matrix.reuse(output, precision, x.rows(), x.columns());
        if (precision == Precision.DOUBLE) {
            apply(x.doubles(), output.doubles(), x.size());
        } else {
            apply(x.floats(), output.floats(), x.size());
        }
        forwarded = true;
        return output;
    }

    /** Modifies {@code g} in place and returns it (or returns null when no input gradient is needed). */
    @Override
    public final Matrix backward(Matrix g, boolean needInputGradient) {
        Shapes.requireForward(forwarded ? output : null, name);
        Shapes.requireGradient(g, output);
        if (!needInputGradient) {
            return null;
        }
        if (precision == Precision.DOUBLE) {
            scaleByDerivative(g.doubles(), output.doubles(), g.size());
        } else {
            scaleByDerivative(g.floats(), output.floats(), g.size());
        }
        return g;
    }

    @Override
    public final List<Weights> weights() {
        return List.of();
    }

    @Override
    public final String toString() {
        return name;
    }
}

package org.workbench.layers.core;

/**
 * Element-wise logistic sigmoid s(a) = 1 / (1 + e^-a), evaluated without overflow for either
 * sign; backward multiplies the output gradient in place by s(a)(1 - s(a)).
 */
final class Sigmoid extends ElementwiseActivation {
    Sigmoid() {
        super("sigmoid");
    }

    static double sigmoid(double a) {
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1 + e);
    }

    @Override
    void apply(double[] in, double[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = sigmoid(in[k]);
        }
    }

    @Override
    void apply(float[] in, float[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = (float) sigmoid(in[k]);
        }
    }

    @Override
    void scaleByDerivative(double[] g, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            g[k] *= y[k] * (1 - y[k]);
        }
    }

    @Override
    void scaleByDerivative(float[] g, float[] y, int n) {
        for (int k = 0; k < n; k++) {
            g[k] *= y[k] * (1 - y[k]);
        }
    }
}

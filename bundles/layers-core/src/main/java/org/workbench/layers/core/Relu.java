package org.workbench.layers.core;

/**
 * Element-wise rectifier max(a, 0); backward zeroes, in place, the output gradient where the
 * output is 0 (the subgradient 0 is used at a = 0).
 */
final class Relu extends ElementwiseActivation {
    Relu() {
        super("relu");
    }

    @Override
    void apply(double[] in, double[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = Math.max(in[k], 0.0);
        }
    }

    @Override
    void apply(float[] in, float[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = Math.max(in[k], 0f);
        }
    }

    @Override
    void scaleByDerivative(double[] g, double[] y, int n) {
        for (int k = 0; k < n; k++) {
            g[k] = y[k] > 0 ? g[k] : 0.0;
        }
    }

    @Override
    void scaleByDerivative(float[] g, float[] y, int n) {
        for (int k = 0; k < n; k++) {
            g[k] = y[k] > 0 ? g[k] : 0f;
        }
    }
}

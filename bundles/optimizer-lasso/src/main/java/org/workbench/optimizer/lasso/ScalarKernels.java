package org.workbench.optimizer.lasso;

import java.util.Arrays;

/**
 * {@link LassoKernels} in plain Java: the reference for the order of operations, and the route
 * where the JVM lacks {@code jdk.incubator.vector}. The dot product's inner loop over the
 * {@value LassoKernels#STRIPS} partial sums is one C2 can vectorize. One instance per thread.
 */
final class ScalarKernels implements LassoKernels {
    private final double[] partial = new double[STRIPS];

    @Override
    public double dot(double[] a, int aOffset, double[] b, int n) {
        double[] s = partial;
        Arrays.fill(s, 0);
        int i = 0;
        for (; i + STRIPS <= n; i += STRIPS) {
            int ai = aOffset + i;
            for (int k = 0; k < STRIPS; k++) {
                s[k] = Math.fma(a[ai + k], b[i + k], s[k]);
            }
        }
        for (int k = 0; i < n; i++, k++) {
            s[k] = Math.fma(a[aOffset + i], b[i], s[k]);
        }
        return LassoKernels.sumTree(s);
    }

    @Override
    public void axpy(double alpha, double[] x, int xOffset, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.fma(alpha, x[xOffset + i], y[i]);
        }
    }

    @Override
    public String route() {
        return "scalar";
    }
}

package org.workbench.optimizer.lasso;

/** Dense vector kernels on contiguous slices, written so that the JIT keeps them in registers. */
final class Kernels {
    private Kernels() {
    }

    /** sum_{i < n} a[aOffset + i] * b[i], with four independent accumulators. Reads only. */
    static double dot(double[] a, int aOffset, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOffset + i] * b[i];
            s1 += a[aOffset + i + 1] * b[i + 1];
            s2 += a[aOffset + i + 2] * b[i + 2];
            s3 += a[aOffset + i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOffset + i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y[i] += alpha * x[xOffset + i] for i < n; modifies {@code y}. */
    static void axpy(double alpha, double[] x, int xOffset, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[xOffset + i];
        }
    }

    /** Soft thresholding sign(v) max(|v| - t, 0). */
    static double soft(double v, double t) {
        if (v > t) {
            return v - t;
        }
        if (v < -t) {
            return v + t;
        }
        return 0;
    }
}

package org.workbench.sampler.gibbslaplace;

import java.util.Arrays;

/**
 * {@link Cholesky} in plain loops: the unblocked right-looking factorisation and the solves, in
 * exactly the operation order that the interface fixes. The reference for {@link VectorCholesky}
 * (which must agree bit for bit) and the kernel where the JVM lacks {@code jdk.incubator.vector}. One
 * instance per thread: it keeps the partial sums of the back substitution.
 */
final class ScalarCholesky implements Cholesky {
    private final double[] s1 = new double[8];
    private final double[] s2 = new double[8];

    @Override
    public boolean decompose(double[] a, int n) {
        int ld = Cholesky.stride(n);
        for (int r = 0; r < n; r++) {
            int rowR = r * ld;
            double d = a[rowR + r];
            if (!(d > 0)) {
                return false;
            }
            double urr = Math.sqrt(d);
            double inverse = 1 / urr;
            for (int k = r + 1; k < n; k++) {
                a[rowR + k] *= inverse;
            }
            a[rowR + r] = urr;
            for (int i = r + 1; i < n; i++) {
                int rowI = i * ld;
                double c = -a[rowR + i];
                for (int k = i; k < n; k++) {
                    a[rowI + k] = Math.fma(c, a[rowR + k], a[rowI + k]);
                }
            }
        }
        return true;
    }

    @Override
    public void solveLower(double[] u, int n, double[] b) {
        int ld = Cholesky.stride(n);
        for (int i = 0; i < n; i++) {
            int row = i * ld;
            double v = b[i] / u[row + i];
            b[i] = v;
            double c = -v;
            for (int k = i + 1; k < n; k++) {
                b[k] = Math.fma(u[row + k], c, b[k]);
            }
        }
    }

    @Override
    public void solveUpper(double[] u, int n, double[] b1, double[] b2) {
        int ld = Cholesky.stride(n);
        for (int i = n - 1; i >= 0; i--) {
            int row = i * ld;
            int blockEnd = (i & ~7) + 8;
            Arrays.fill(s1, 0);
            Arrays.fill(s2, 0);
            for (int k = blockEnd; k < n; k++) {
                s1[k & 7] = Math.fma(u[row + k], b1[k], s1[k & 7]);
                s2[k & 7] = Math.fma(u[row + k], b2[k], s2[k & 7]);
            }
            double r1 = b1[i] - sum(s1);
            double r2 = b2[i] - sum(s2);
            for (int k = i + 1; k < Math.min(blockEnd, n); k++) {
                double uik = -u[row + k];
                r1 = Math.fma(uik, b1[k], r1);
                r2 = Math.fma(uik, b2[k], r2);
            }
            double diagonal = u[row + i];
            b1[i] = r1 / diagonal;
            b2[i] = r2 / diagonal;
        }
    }

    /** The eight partial sums in the fixed tree of {@link Cholesky}. */
    static double sum(double[] s) {
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }
}

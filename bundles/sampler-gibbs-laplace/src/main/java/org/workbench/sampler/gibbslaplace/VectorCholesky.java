package org.workbench.sampler.gibbslaplace;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Cholesky} on {@code jdk.incubator.vector}: the right-looking factorisation in panels of 8
 * rows, each panel's rank-8 update of the trailing rows done two rows at a time with the 16
 * multipliers held in registers, and the solves by blocks of 8. Vectors start at the multiple of
 * the lane count at or below the diagonal (the strict lower triangle is scratch) and run to the
 * padded row end, so no loop has a scalar tail. Each element takes its updates in the order that
 * {@link ScalarCholesky} does, so the two agree bit for bit. One instance per thread.
 */
final class VectorCholesky implements Cholesky {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int PANEL = 8;
    private final double[] lanes1 = new double[PANEL];
    private final double[] lanes2 = new double[PANEL];

    /** Whether this JVM's preferred vectors tile rows of 8 and hold more than one double. */
    static boolean usable() {
        return L > 1 && PANEL % L == 0;
    }

    @Override
    public boolean decompose(double[] a, int n) {
        int ld = Cholesky.stride(n);
        for (int j = 0; j < n; j += PANEL) {
            int width = Math.min(PANEL, n - j);
            if (!factorPanel(a, n, ld, j, width)) {
                return false;
            }
            if (width == PANEL) {
                updateTrailing(a, n, ld, j);
            }
        }
        return true;
    }

    /** Rows {@code j .. j + width - 1}, already updated by every earlier panel, become rows of U. */
    private static boolean factorPanel(double[] a, int n, int ld, int j, int width) {
        for (int t = 0; t < width; t++) {
            int r = j + t;
            int rowR = r * ld;
            double d = a[rowR + r];
            if (!(d > 0)) {
                return false;
            }
            double urr = Math.sqrt(d);
            double inverse = 1 / urr;
            for (int k = r / L * L; k < ld; k += L) {
                DoubleVector.fromArray(S, a, rowR + k).mul(inverse).intoArray(a, rowR + k);
            }
            a[rowR + r] = urr;
            for (int i = r + 1; i < j + width; i++) {
                int rowI = i * ld;
                DoubleVector c = DoubleVector.broadcast(S, -a[rowR + i]);
                for (int k = i / L * L; k < ld; k += L) {
                    DoubleVector.fromArray(S, a, rowR + k).fma(c, DoubleVector.fromArray(S, a, rowI + k))
                            .intoArray(a, rowI + k);
                }
            }
        }
        return true;
    }

    /** Rows {@code j + 8 ..}: element (i, k) minus the sum over the panel's rows t of U[t][i] U[t][k], t ascending. */
    private static void updateTrailing(double[] a, int n, int ld, int j) {
        int p0 = j * ld;
        int p1 = p0 + ld;
        int p2 = p1 + ld;
        int p3 = p2 + ld;
        int p4 = p3 + ld;
        int p5 = p4 + ld;
        int p6 = p5 + ld;
        int p7 = p6 + ld;
        int i = j + PANEL;
        for (; i + 1 < n; i += 2) {
            int r0 = i * ld;
            int r1 = r0 + ld;
            int i1 = i + 1;
            DoubleVector c00 = DoubleVector.broadcast(S, -a[p0 + i]);
            DoubleVector c01 = DoubleVector.broadcast(S, -a[p1 + i]);
            DoubleVector c02 = DoubleVector.broadcast(S, -a[p2 + i]);
            DoubleVector c03 = DoubleVector.broadcast(S, -a[p3 + i]);
            DoubleVector c04 = DoubleVector.broadcast(S, -a[p4 + i]);
            DoubleVector c05 = DoubleVector.broadcast(S, -a[p5 + i]);
            DoubleVector c06 = DoubleVector.broadcast(S, -a[p6 + i]);
            DoubleVector c07 = DoubleVector.broadcast(S, -a[p7 + i]);
            DoubleVector c10 = DoubleVector.broadcast(S, -a[p0 + i1]);
            DoubleVector c11 = DoubleVector.broadcast(S, -a[p1 + i1]);
            DoubleVector c12 = DoubleVector.broadcast(S, -a[p2 + i1]);
            DoubleVector c13 = DoubleVector.broadcast(S, -a[p3 + i1]);
            DoubleVector c14 = DoubleVector.broadcast(S, -a[p4 + i1]);
            DoubleVector c15 = DoubleVector.broadcast(S, -a[p5 + i1]);
            DoubleVector c16 = DoubleVector.broadcast(S, -a[p6 + i1]);
            DoubleVector c17 = DoubleVector.broadcast(S, -a[p7 + i1]);
            for (int k = i / L * L; k < ld; k += L) {
                DoubleVector u0 = DoubleVector.fromArray(S, a, p0 + k);
                DoubleVector u1 = DoubleVector.fromArray(S, a, p1 + k);
                DoubleVector u2 = DoubleVector.fromArray(S, a, p2 + k);
                DoubleVector u3 = DoubleVector.fromArray(S, a, p3 + k);
                DoubleVector u4 = DoubleVector.fromArray(S, a, p4 + k);
                DoubleVector u5 = DoubleVector.fromArray(S, a, p5 + k);
                DoubleVector u6 = DoubleVector.fromArray(S, a, p6 + k);
                DoubleVector u7 = DoubleVector.fromArray(S, a, p7 + k);
                DoubleVector x = DoubleVector.fromArray(S, a, r0 + k);
                x = u0.fma(c00, x);
                x = u1.fma(c01, x);
                x = u2.fma(c02, x);
                x = u3.fma(c03, x);
                x = u4.fma(c04, x);
                x = u5.fma(c05, x);
                x = u6.fma(c06, x);
                x = u7.fma(c07, x);
                x.intoArray(a, r0 + k);
                DoubleVector y = DoubleVector.fromArray(S, a, r1 + k);
                y = u0.fma(c10, y);
                y = u1.fma(c11, y);
                y = u2.fma(c12, y);
                y = u3.fma(c13, y);
                y = u4.fma(c14, y);
                y = u5.fma(c15, y);
                y = u6.fma(c16, y);
                y = u7.fma(c17, y);
                y.intoArray(a, r1 + k);
            }
        }
        for (; i < n; i++) {
            int r0 = i * ld;
            for (int t = 0; t < PANEL; t++) {
                int pt = p0 + t * ld;
                DoubleVector c = DoubleVector.broadcast(S, -a[pt + i]);
                for (int k = i / L * L; k < ld; k += L) {
                    DoubleVector.fromArray(S, a, pt + k).fma(c, DoubleVector.fromArray(S, a, r0 + k)).intoArray(a, r0 + k);
                }
            }
        }
    }

    @Override
    public void solveLower(double[] u, int n, double[] b) {
        int ld = Cholesky.stride(n);
        for (int j = 0; j < n; j += PANEL) {
            int end = Math.min(j + PANEL, n);
            for (int i = j; i < end; i++) {
                int row = i * ld;
                double v = b[i] / u[row + i];
                b[i] = v;
                double c = -v;
                for (int k = i + 1; k < end; k++) {
                    b[k] = Math.fma(u[row + k], c, b[k]);
                }
            }
            if (end == n) {
                return;
            }
            int row = j * ld;
            for (int k = end; k < ld; k += L) {
                DoubleVector x = DoubleVector.fromArray(S, b, k);
                for (int i = j; i < end; i++) {
                    x = DoubleVector.fromArray(S, u, row + (i - j) * ld + k).fma(DoubleVector.broadcast(S, -b[i]), x);
                }
                x.intoArray(b, k);
            }
        }
    }

    @Override
    public void solveUpper(double[] u, int n, double[] b1, double[] b2) {
        int ld = Cholesky.stride(n);
        for (int i = n - 1; i >= 0; i--) {
            int row = i * ld;
            int blockEnd = (i & ~7) + PANEL;
            double r1 = b1[i];
            double r2 = b2[i];
            if (blockEnd < n) {
                for (int l = 0; l < PANEL; l += L) {
                    DoubleVector s1 = DoubleVector.zero(S);
                    DoubleVector s2 = DoubleVector.zero(S);
                    for (int k = blockEnd + l; k < ld; k += PANEL) {
                        DoubleVector uik = DoubleVector.fromArray(S, u, row + k);
                        s1 = uik.fma(DoubleVector.fromArray(S, b1, k), s1);
                        s2 = uik.fma(DoubleVector.fromArray(S, b2, k), s2);
                    }
                    s1.intoArray(lanes1, l);
                    s2.intoArray(lanes2, l);
                }
                r1 -= ScalarCholesky.sum(lanes1);
                r2 -= ScalarCholesky.sum(lanes2);
            }
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
}

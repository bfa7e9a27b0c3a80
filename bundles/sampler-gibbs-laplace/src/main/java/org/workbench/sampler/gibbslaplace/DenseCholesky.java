package org.workbench.sampler.gibbslaplace;

/**
 * Cholesky factorisation {@code A = U^T U} (U upper triangular, that is {@code L = U^T}) and the
 * triangular solves, on one row-major {@code n x n} array, written for the Gibbs sampler's hot
 * loop. The factorisation is right-looking and blocked: each panel subtracts a rank-8 product from
 * the trailing rows, so its inner loop runs over contiguous rows and the JIT compiles it to SIMD
 * instructions (a dot-product formulation cannot be vectorised without reordering floating-point
 * sums). Nothing is allocated.
 */
final class DenseCholesky {
    private DenseCholesky() {
    }

    /** Rows of U that each pass of the trailing update subtracts at once. */
    static final int BLOCK = 8;

    /**
     * Factorises a symmetric positive definite {@code a} (only its upper triangle, diagonal
     * included, is read) as {@code U^T U}, overwriting that upper triangle with {@code U}; the strict
     * lower triangle is left as it was. Works in panels of {@link #BLOCK} rows: the panel's rows of U
     * are copied to {@code rows} (scratch, length at least {@code BLOCK * n}) and the trailing rows
     * are then updated with all of them in one pass, so each trailing element is read and written
     * once per panel instead of once per row, and the update reads and writes different arrays, which
     * is what lets the JIT vectorise it.
     *
     * @return false when {@code a} is not positive definite (numerically)
     */
    static boolean decompose(double[] a, int n, double[] rows) {
        for (int j = 0; j < n; j += BLOCK) {
            int width = Math.min(BLOCK, n - j);
            if (!factorPanel(a, n, j, width, rows)) {
                return false;
            }
            int end = j + width;
            if (width == BLOCK) {
                int o1 = n;
                int o2 = 2 * n;
                int o3 = 3 * n;
                int o4 = 4 * n;
                int o5 = 5 * n;
                int o6 = 6 * n;
                int o7 = 7 * n;
                for (int i = end; i < n; i++) {
                    int rowI = i * n;
                    double c0 = rows[i];
                    double c1 = rows[o1 + i];
                    double c2 = rows[o2 + i];
                    double c3 = rows[o3 + i];
                    double c4 = rows[o4 + i];
                    double c5 = rows[o5 + i];
                    double c6 = rows[o6 + i];
                    double c7 = rows[o7 + i];
                    for (int k = i; k < n; k++) {
                        a[rowI + k] -= c0 * rows[k] + c1 * rows[o1 + k] + c2 * rows[o2 + k] + c3 * rows[o3 + k]
                                + c4 * rows[o4 + k] + c5 * rows[o5 + k] + c6 * rows[o6 + k] + c7 * rows[o7 + k];
                    }
                }
            } else {
                for (int t = 0; t < width; t++) {
                    int offset = t * n;
                    for (int i = end; i < n; i++) {
                        int rowI = i * n;
                        double c = rows[offset + i];
                        for (int k = i; k < n; k++) {
                            a[rowI + k] -= c * rows[offset + k];
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * Factors rows {@code j .. j + width - 1} (already updated by every earlier panel): writes them
     * as rows of U into {@code a} and copies them (from column {@code j} on) into {@code rows}.
     */
    private static boolean factorPanel(double[] a, int n, int j, int width, double[] rows) {
        for (int t = 0; t < width; t++) {
            int r = j + t;
            int rowR = r * n;
            double d = a[rowR + r];
            if (!(d > 0)) {
                return false;
            }
            double urr = Math.sqrt(d);
            double inverse = 1 / urr;
            a[rowR + r] = urr;
            int offset = t * n;
            for (int k = j; k < r; k++) {
                rows[offset + k] = 0;
            }
            rows[offset + r] = urr;
            for (int k = r + 1; k < n; k++) {
                double urk = a[rowR + k] * inverse;
                a[rowR + k] = urk;
                rows[offset + k] = urk;
            }
            for (int i = r + 1; i < j + width; i++) {
                int rowI = i * n;
                double c = rows[offset + i];
                for (int k = i; k < n; k++) {
                    a[rowI + k] -= c * rows[offset + k];
                }
            }
        }
        return true;
    }

    /**
     * Solves {@code U^T v = b} (that is {@code L v = b}) in place: {@code b} becomes {@code v}. Each
     * solved entry is subtracted from the rest along a contiguous row of {@code U}.
     */
    static void solveLower(double[] u, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double v = b[i] / u[row + i];
            b[i] = v;
            for (int k = i + 1; k < n; k++) {
                b[k] -= u[row + k] * v;
            }
        }
    }

    /**
     * Solves {@code U x = b} (that is {@code L^T x = b}) for two right-hand sides at once, in place:
     * {@code b1} and {@code b2} become the solutions.
     */
    static void solveLowerTransposed(double[] u, int n, double[] b1, double[] b2) {
        for (int i = n - 1; i >= 0; i--) {
            int row = i * n;
            double s1 = b1[i];
            double s2 = b2[i];
            for (int k = i + 1; k < n; k++) {
                double uik = u[row + k];
                s1 -= uik * b1[k];
                s2 -= uik * b2[k];
            }
            double diagonal = u[row + i];
            b1[i] = s1 / diagonal;
            b2[i] = s2 / diagonal;
        }
    }
}

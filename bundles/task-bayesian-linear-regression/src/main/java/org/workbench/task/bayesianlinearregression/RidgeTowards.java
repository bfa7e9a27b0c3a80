package org.workbench.task.bayesianlinearregression;

import org.workbench.api.Dataset;

/**
 * The MAP under a Gaussian prior w ~ N(v, s^2 I) with the Gaussian likelihood y | X, w ~ N(Xw, sigma^2 I):
 * minimising 1/(2 sigma^2) ||Xw - y||^2 + 1/(2 s^2) ||w - v||^2 gives the normal equations
 * (X^T X + k I) w = X^T y + k v with k = sigma^2 / s^2, i.e. ridge regression pulled towards v
 * instead of 0. With {@code k = 0} it is least squares. Solved by a Cholesky factorisation of the
 * p x p system (hand-written: p is small here).
 */
final class RidgeTowards {
    private RidgeTowards() {
    }

    /**
     * @param k the ridge strength sigma^2 / s^2 (0 for least squares)
     * @throws IllegalArgumentException when X^T X + k I is not positive definite (e.g. least squares with N &lt; p)
     */
    static double[] solve(Dataset data, double[] v, double k) {
        int n = data.rows();
        int p = data.columns();
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            double[] x = data.row(i);
            double y = data.targets()[i];
            for (int r = 0; r < p; r++) {
                b[r] += x[r] * y;
                for (int c = 0; c <= r; c++) {
                    a[r][c] += x[r] * x[c];
                }
            }
        }
        for (int r = 0; r < p; r++) {
            a[r][r] += k;
            b[r] += k * v[r];
        }
        return cholesky(a, b);
    }

    /** Solves A w = b for symmetric positive definite A given by its lower triangle (overwritten). */
    private static double[] cholesky(double[][] a, double[] b) {
        int p = b.length;
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > 1e-12 * Math.max(1, Math.abs(a[j][j])))) {
                throw new IllegalArgumentException("the normal equations are singular (is N < p without a prior?)");
            }
            a[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / a[j][j];
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i][k] * z[k];
            }
            z[i] = s / a[i][i];
        }
        double[] w = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= a[k][i] * w[k];
            }
            w[i] = s / a[i][i];
        }
        return w;
    }
}

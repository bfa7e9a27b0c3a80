package org.workbench.sampler.gibbslaplace;

import java.util.function.ToDoubleFunction;

import org.workbench.api.Dataset;

/**
 * Posterior means of w for p = 1 or 2 by composite Simpson quadrature of
 * exp(-(w^T G w - 2 b^T w) / (2 sigma^2) - sum |w_j - mu_j| / tau) over a box of +-12 posterior
 * scales, with the box cut at mu_j so that every panel is smooth (the kink is a panel edge).
 * Relative accuracy about 1e-9 at the panel counts used here.
 */
final class Quadrature {
    private static final int PANELS = 600;

    private Quadrature() {
    }

    static double[] posteriorMean(Dataset data, double sigma2, double[] mu, double tau) {
        int p = data.columns();
        double[] g = new double[p * p];
        double[] b = new double[p];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < p; j++) {
                b[j] += data.x(i, j) * data.targets()[i];
                for (int k = 0; k < p; k++) {
                    g[j * p + k] += data.x(i, j) * data.x(i, k);
                }
            }
        }
        ToDoubleFunction<double[]> logDensity = w -> {
            double quad = 0;
            double l1 = 0;
            for (int j = 0; j < p; j++) {
                quad -= 2 * b[j] * w[j];
                for (int k = 0; k < p; k++) {
                    quad += w[j] * g[j * p + k] * w[k];
                }
                l1 += Math.abs(w[j] - mu[j]);
            }
            return -quad / (2 * sigma2) - l1 / tau;
        };
        double[][] cuts = new double[p][];
        for (int j = 0; j < p; j++) {
            double centre = b[j] / g[j * p + j];
            double width = 12 * Math.sqrt(sigma2 / g[j * p + j]) + 12 * tau;
            double lo = Math.min(centre, mu[j]) - width;
            double hi = Math.max(centre, mu[j]) + width;
            cuts[j] = new double[] {lo, mu[j], hi};
        }
        double peak = logDensity.applyAsDouble(mu.clone());
        double[] moments = new double[p + 1];
        if (p == 1) {
            for (int s = 0; s < 2; s++) {
                simpson(cuts[0][s], cuts[0][s + 1], x -> {
                    double[] w = {x};
                    double d = Math.exp(logDensity.applyAsDouble(w) - peak);
                    return new double[] {d, d * x};
                }, moments);
            }
        } else if (p == 2) {
            for (int s = 0; s < 2; s++) {
                simpson(cuts[0][s], cuts[0][s + 1], x -> {
                    double[] inner = new double[3];
                    for (int t = 0; t < 2; t++) {
                        simpson(cuts[1][t], cuts[1][t + 1], z -> {
                            double d = Math.exp(logDensity.applyAsDouble(new double[] {x, z}) - peak);
                            return new double[] {d, d * x, d * z};
                        }, inner);
                    }
                    return inner;
                }, moments);
            }
        } else {
            throw new IllegalArgumentException("quadrature for p = 1 or 2 only");
        }
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = moments[j + 1] / moments[0];
        }
        return mean;
    }

    /** Adds the composite Simpson integral over [lo, hi] of the vector function f to {@code sum}. */
    private static void simpson(double lo, double hi, java.util.function.DoubleFunction<double[]> f, double[] sum) {
        double h = (hi - lo) / (2 * PANELS);
        for (int k = 0; k <= 2 * PANELS; k++) {
            double weight = k == 0 || k == 2 * PANELS ? 1 : (k % 2 == 1 ? 4 : 2);
            double[] v = f.apply(lo + k * h);
            for (int m = 0; m < sum.length; m++) {
                sum[m] += weight * h / 3 * v[m];
            }
        }
    }
}

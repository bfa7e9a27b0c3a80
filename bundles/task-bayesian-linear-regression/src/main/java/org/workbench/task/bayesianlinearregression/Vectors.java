package org.workbench.task.bayesianlinearregression;

import org.workbench.api.Dataset;

/** Small dense helpers on row-major data; none modifies its arguments. */
final class Vectors {
    private Vectors() {
    }

    /** Mean squared error of the predictions w^T x_i on {@code data}. */
    static double meanSquaredError(Dataset data, double[] w) {
        int n = data.rows();
        int p = data.columns();
        double[] x = data.features();
        double[] y = data.targets();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i];
            for (int j = 0; j < p; j++) {
                r -= x[i * p + j] * w[j];
            }
            sum += r * r;
        }
        return sum / n;
    }

    /** ||a - b||^2. */
    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /** ||X^T (y - X mu)||_inf. */
    static double correlationWithLocationResidual(Dataset data, double[] mu) {
        int n = data.rows();
        int p = data.columns();
        double[] x = data.features();
        double[] y = data.targets();
        double[] g = new double[p];
        for (int i = 0; i < n; i++) {
            double r = y[i];
            for (int j = 0; j < p; j++) {
                r -= x[i * p + j] * mu[j];
            }
            for (int j = 0; j < p; j++) {
                g[j] += x[i * p + j] * r;
            }
        }
        double max = 0;
        for (double v : g) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Mean and standard error (sd / sqrt(n)) of the values. */
    static double[] meanAndStandardError(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN;
        return new double[] {mean, se};
    }
}

package org.workbench.diagnostics;

/**
 * Multi-chain effective sample size by Geyer's initial monotone sequence on the combined
 * autocorrelation (Stan's and the R package posterior's estimator) of {@code m} chains of
 * {@code n} draws stored one after another. The autocovariances are computed lazily: Geyer's
 * sequence stops at the first lag pair whose sum turns negative, a few lags for a chain that mixes
 * well, so the first {@link #directLags} lags are summed directly (m n multiply-adds each) and only
 * a chain that needs more falls back to all lags at once by FFT ({@link Autocovariance}). The two
 * routes compute the same biased estimator.
 */
final class EffectiveSampleSize {
    private final double[] centred;
    private final int m;
    private final int n;
    private final int directLags;
    private double[][] allLags;

    private EffectiveSampleSize(double[] x, int m, int n, double[] means) {
        this.m = m;
        this.n = n;
        this.centred = new double[m * n];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                centred[c * n + i] = x[c * n + i] - means[c];
            }
        }
        int size = 1;
        int log = 0;
        while (size < 2 * n) {
            size <<= 1;
            log++;
        }
        // one lag costs m n multiply-adds; the FFT route about 2 m size log2(size) butterflies of 10 flops
        this.directLags = Math.min(n, Math.max(16, 10 * log));
    }

    /** ESS of chains {@code x[c * n .. (c + 1) * n)}, c < m; NaN for constant draws or n < 4. Reads {@code x} only. */
    static double of(double[] x, int m, int n) {
        if (n < 4) {
            return Double.NaN;
        }
        double[] means = new double[m];
        for (int c = 0; c < m; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[c * n + i];
            }
            means[c] = s / n;
        }
        return new EffectiveSampleSize(x, m, n, means).estimate(means);
    }

    private double estimate(double[] means) {
        double meanVar = meanAt(0) * n / (n - 1.0);
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += sampleVariance(means);
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        rho[0] = 1;
        double rhoEven = 1;
        double rhoOdd = 1 - (meanVar - meanAt(1)) / varPlus;
        rho[1] = rhoOdd;
        int t = 0;
        while (t < n - 5 && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - meanAt(t)) / varPlus;
            rhoOdd = 1 - (meanVar - meanAt(t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }
        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = 0.5 * (rho[t - 2] + rho[t - 1]);
                rho[t + 1] = rho[t];
            }
        }
        double draws = (double) m * n;
        double sum = 0;
        for (int k = 0; k < maxT; k++) {
            sum += rho[k];
        }
        double tau = -1 + 2 * sum + rho[maxT];
        tau = Math.max(tau, 1 / Math.log10(draws));
        return draws / tau;
    }

    /** The chains' mean biased autocovariance at {@code lag}. */
    private double meanAt(int lag) {
        if (allLags == null && lag >= directLags) {
            allLags = new double[m][];
            for (int c = 0; c < m; c++) {
                allLags[c] = Autocovariance.of(centred, c * n, n);
            }
        }
        double s = 0;
        if (allLags != null) {
            for (double[] a : allLags) {
                s += a[lag];
            }
            return s / m;
        }
        for (int c = 0; c < m; c++) {
            int o = c * n;
            int count = n - lag;
            // four partial sums: independent additions the CPU overlaps
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 3 < count; i += 4) {
                s0 += centred[o + i] * centred[o + i + lag];
                s1 += centred[o + i + 1] * centred[o + i + 1 + lag];
                s2 += centred[o + i + 2] * centred[o + i + 2 + lag];
                s3 += centred[o + i + 3] * centred[o + i + 3 + lag];
            }
            for (; i < count; i++) {
                s0 += centred[o + i] * centred[o + i + lag];
            }
            s += (s0 + s1 + (s2 + s3)) / n;
        }
        return s / m;
    }

    static double sampleVariance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }
}

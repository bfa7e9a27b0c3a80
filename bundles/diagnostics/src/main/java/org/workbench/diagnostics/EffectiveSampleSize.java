package org.workbench.diagnostics;

/**
 * Multi-chain effective sample size by Geyer's initial monotone sequence on the combined
 * autocorrelation (Stan's and the R package posterior's estimator) of {@code m} chains of
 * {@code n} draws stored one after another. The autocovariances come from a {@link Lags}: for
 * real-valued draws {@link SeriesLags} (lags summed directly while Geyer's sequence needs few, by FFT
 * when it needs many), for 0/1 indicators {@link IndicatorLags} (counts of bits).
 */
final class EffectiveSampleSize {
    private EffectiveSampleSize() {
    }

    /** The chains' mean biased autocovariance at each lag, asked for in increasing lags. */
    interface Lags {
        double meanAt(int lag);
    }

    /** ESS of chains {@code x[c * n .. (c + 1) * n)}, c < m; NaN for constant draws or n < 4. Reads {@code x} only. */
    static double of(double[] x, int m, int n) {
        return of(x, m, n, new Workspace(m, n));
    }

    /** The same in a workspace of at least {@code m} chains of {@code n}. */
    static double of(double[] x, int m, int n, Workspace w) {
        if (n < 4) {
            return Double.NaN;
        }
        double[] means = w.chainMeans;
        for (int c = 0; c < m; c++) {
            // a running sum, in draw order: draws far from zero (1e6 + 1e-4 z) make the centring, and
            // so the ESS, sensitive to the rounding of their mean, which must not depend on the route
            means[c] = Sums.running(x, c * n, n) / n;
        }
        return geyer(new SeriesLags(x, m, n, means, w.centred), means, m, n, w.rho);
    }

    /** Geyer's estimator from the lags and the chain means ({@code means[0 .. m)}); {@code rho} holds n entries. */
    static double geyer(Lags lags, double[] means, int m, int n, double[] rho) {
        double meanVar = lags.meanAt(0) * n / (n - 1.0);
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += sampleVariance(means, m);
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        rho[0] = 1;
        double rhoEven = 1;
        double rhoOdd = 1 - (meanVar - lags.meanAt(1)) / varPlus;
        rho[1] = rhoOdd;
        int t = 0;
        while (t < n - 5 && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - lags.meanAt(t)) / varPlus;
            rhoOdd = 1 - (meanVar - lags.meanAt(t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            } else {
                // rho is reused between calls: the pair that ends the sequence counts as zero
                rho[t] = 0;
                rho[t + 1] = 0;
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

    static double sampleVariance(double[] v) {
        return sampleVariance(v, v.length);
    }

    /** The sample variance of {@code v[0 .. count)}. */
    static double sampleVariance(double[] v, int count) {
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += v[i];
        }
        mean /= count;
        double ss = 0;
        for (int i = 0; i < count; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return ss / (count - 1);
    }
}

package org.workbench.diagnostics;

/**
 * Autocovariances of real-valued chains for {@link EffectiveSampleSize}, computed lazily: Geyer's
 * sequence stops at the first lag pair whose sum turns negative, a few lags for a chain that mixes
 * well, so the first lags are summed directly (m n multiply-adds each) and only a chain that needs
 * more falls back to all lags at once by FFT ({@link Autocovariance}). The two routes compute the
 * same biased estimator.
 */
final class SeriesLags implements EffectiveSampleSize.Lags {
    private final double[] centred;
    private final int m;
    private final int n;
    private final int directLags;
    private double[][] allLags;

    /** Centres {@code x} (m chains of n) by {@code means} into {@code centred}, which it then reads. */
    SeriesLags(double[] x, int m, int n, double[] means, double[] centred) {
        this.m = m;
        this.n = n;
        this.centred = centred;
        for (int c = 0; c < m; c++) {
            double mean = means[c];
            int o = c * n;
            for (int i = 0; i < n; i++) {
                centred[o + i] = x[o + i] - mean;
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

    @Override
    public double meanAt(int lag) {
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
}

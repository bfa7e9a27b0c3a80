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
    /** Lags summed per pass. */
    private static final int BATCH = 4;
    private final double[] batch = new double[BATCH];
    private final double[] partial = new double[4 * BATCH];
    private int batchStart = -BATCH;

    /** Centres {@code x} (m chains of n) by {@code means} into {@code centred}, which it then reads. */
    SeriesLags(double[] x, int m, int n, double[] means, double[] centred) {
        this.m = m;
        this.n = n;
        this.centred = centred;
        for (int c = 0; c < m; c++) {
            int o = c * n;
            for (int i = o; i < o + n; i += Chunks.SIZE) {
                centre(x, i, o + n - i > Chunks.SIZE ? i + Chunks.SIZE : o + n, means[c], centred);
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
        if (allLags != null) {
            double s = 0;
            for (double[] a : allLags) {
                s += a[lag];
            }
            return s / m;
        }
        if (lag < batchStart || lag >= batchStart + BATCH) {
            sumBatch(lag);
        }
        return batch[lag - batchStart];
    }

    /**
     * Lags {@code first .. first + 3} in one pass over the chains (Geyer's sequence asks for them in
     * turn), each summed exactly as alone: four partial sums over blocks of four products, the rest
     * into the first, (s0 + s1 + (s2 + s3)) / n per chain, the chains added in order and divided by m.
     */
    private void sumBatch(int first) {
        double[] total = new double[BATCH];
        for (int c = 0; c < m; c++) {
            int o = c * n;
            // blocks of four that every lag of the batch has: sixteen partial sums, by chunks
            double[] s = partial;
            java.util.Arrays.fill(s, 0);
            int i = n - (first + 3) > 0 ? (n - (first + 3)) & ~3 : 0;
            for (int k = 0; k < i; k += Chunks.SIZE) {
                lagBlocks(centred, o, k, i - k > Chunks.SIZE ? k + Chunks.SIZE : i, first, s);
            }
            // each lag's own remaining blocks and single products
            for (int q = 0; q < BATCH; q++) {
                int lag = first + q;
                int count = n - lag;
                int b = 4 * q;
                int k = i;
                for (; k + 3 < count; k += 4) {
                    s[b] += centred[o + k] * centred[o + k + lag];
                    s[b + 1] += centred[o + k + 1] * centred[o + k + 1 + lag];
                    s[b + 2] += centred[o + k + 2] * centred[o + k + 2 + lag];
                    s[b + 3] += centred[o + k + 3] * centred[o + k + 3 + lag];
                }
                for (; k < count; k++) {
                    s[b] += centred[o + k] * centred[o + k + lag];
                }
                total[q] += (s[b] + s[b + 1] + (s[b + 2] + s[b + 3])) / n;
            }
        }
        for (int q = 0; q < BATCH; q++) {
            batch[q] = total[q] / m;
        }
        batchStart = first;
    }

    private static void centre(double[] x, int from, int to, double mean, double[] centred) {
        for (int i = from; i < to; i++) {
            centred[i] = x[i] - mean;
        }
    }

    /**
     * Adds the products of blocks of four {@code centred[o + i .. o + i + 3]} at lags {@code first
     * .. first + 3}, i in {@code [from, to)} by fours, to the sixteen partial sums {@code s} (four a lag).
     */
    private static void lagBlocks(double[] centred, int o, int from, int to, int first, double[] s) {
        int l0 = first;
        int l1 = first + 1;
        int l2 = first + 2;
        int l3 = first + 3;
        double a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3];
        double b0 = s[4], b1 = s[5], b2 = s[6], b3 = s[7];
        double c0 = s[8], c1 = s[9], c2 = s[10], c3 = s[11];
        double d0 = s[12], d1 = s[13], d2 = s[14], d3 = s[15];
        for (int i = from; i < to; i += 4) {
            int at = o + i;
            double x0 = centred[at];
            double x1 = centred[at + 1];
            double x2 = centred[at + 2];
            double x3 = centred[at + 3];
            a0 += x0 * centred[at + l0];
            a1 += x1 * centred[at + 1 + l0];
            a2 += x2 * centred[at + 2 + l0];
            a3 += x3 * centred[at + 3 + l0];
            b0 += x0 * centred[at + l1];
            b1 += x1 * centred[at + 1 + l1];
            b2 += x2 * centred[at + 2 + l1];
            b3 += x3 * centred[at + 3 + l1];
            c0 += x0 * centred[at + l2];
            c1 += x1 * centred[at + 1 + l2];
            c2 += x2 * centred[at + 2 + l2];
            c3 += x3 * centred[at + 3 + l2];
            d0 += x0 * centred[at + l3];
            d1 += x1 * centred[at + 1 + l3];
            d2 += x2 * centred[at + 2 + l3];
            d3 += x3 * centred[at + 3 + l3];
        }
        s[0] = a0; s[1] = a1; s[2] = a2; s[3] = a3;
        s[4] = b0; s[5] = b1; s[6] = b2; s[7] = b3;
        s[8] = c0; s[9] = c1; s[10] = c2; s[11] = c3;
        s[12] = d0; s[13] = d1; s[14] = d2; s[15] = d3;
    }
}

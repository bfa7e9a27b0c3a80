package org.workbench.diagnostics;

/**
 * Autocovariances of 0/1 indicator chains for {@link EffectiveSampleSize}, from bit sets (one bit
 * per draw, 64 draws a word): with P the number of pairs (i, i + lag) both set, A and B the set bits
 * among the first and the last n - lag draws and mu the chain's share of set bits, the biased
 * autocovariance is (P - mu (A + B) + (n - lag) mu^2) / n, the same statistic as summing the centred
 * products, at 1/64 of the work per lag. A tail ESS needs only the positions of the draws beyond a
 * quantile (5% of them), never a pass over all draws.
 */
final class IndicatorLags implements EffectiveSampleSize.Lags {
    private final long[] bits;
    private final int words;
    private final int m;
    private final int n;
    private final int[] count;
    private final double[] means;

    /**
     * Sets the bits of the draws at {@code positions[from .. to)} of the ranking (chain {@code
     * position / n}, draw {@code position % n}) in the workspace, and the chains' means of the
     * indicator in {@code w.chainMeans}.
     */
    IndicatorLags(RankedDraws ranked, int from, int to, int m, int n, Workspace w) {
        this.bits = w.bits;
        this.words = w.words;
        this.m = m;
        this.n = n;
        this.count = new int[m];
        this.means = w.chainMeans;
        java.util.Arrays.fill(bits, 0, m * words + 1, 0L);
        for (int k = from; k < to; k += Chunks.SIZE) {
            setBits(ranked.order(), k, to - k > Chunks.SIZE ? k + Chunks.SIZE : to, n, words, bits, count);
        }
        for (int c = 0; c < m; c++) {
            means[c] = count[c] / (double) n;
        }
    }

    /** Sets the bits of the draws at positions {@code order[from .. to)} (low 32 bits) and counts them per chain. */
    private static void setBits(long[] order, int from, int to, int n, int words, long[] bits, int[] count) {
        for (int k = from; k < to; k++) {
            int position = (int) order[k];
            int chain = position / n;
            int i = position - chain * n;
            bits[chain * words + (i >>> 6)] |= 1L << (i & 63);
            count[chain]++;
        }
    }

    /** The chains' means of the indicator (the workspace's array, first m entries). */
    double[] means() {
        return means;
    }

    @Override
    public double meanAt(int lag) {
        double s = 0;
        for (int c = 0; c < m; c++) {
            int base = c * words;
            long pairs = pairs(base, lag);
            long first = below(base, n - lag);
            long last = count[c] - below(base, lag);
            double mu = means[c];
            s += (pairs - mu * (first + last) + (n - lag) * mu * mu) / n;
        }
        return s / m;
    }

    /** Set bits among draws {@code 0 .. x - 1} of the chain at word {@code base}. */
    private long below(int base, int x) {
        int full = x >>> 6;
        long c = 0;
        for (int w = 0; w < full; w++) {
            c += Long.bitCount(bits[base + w]);
        }
        int rest = x & 63;
        if (rest != 0) {
            c += Long.bitCount(bits[base + full] & ((1L << rest) - 1));
        }
        return c;
    }

    /** The number of i with bits i and i + lag both set. */
    private long pairs(int base, int lag) {
        int q = lag >>> 6;
        int r = lag & 63;
        long c = 0;
        for (int w = 0; w + q < words; w++) {
            long shifted = bits[base + w + q] >>> r;
            if (r != 0 && w + q + 1 < words) {
                shifted |= bits[base + w + q + 1] << (64 - r);
            }
            c += Long.bitCount(bits[base + w] & shifted);
        }
        return c;
    }
}

package org.workbench.diagnostics;

/**
 * Draws sorted with their positions ({@link RankOrder}) in a {@link Workspace}, and what the ranks
 * give: the normal scores of the average ranks, the quantiles, and the ranks of the folded draws
 * |x - median| (by a second sort with the same kernels: a merge of the two halves outward from the
 * median did the same work in a serial loop of its own, one more method for the JIT to compile).
 * Built once per coordinate and shared by the bulk and folded rank normalisations, the median and
 * the tail quantiles. Valid until the workspace ranks the next coordinate, and while the values
 * ranked are unchanged.
 */
final class RankedDraws {
    private final Workspace w;
    private final double[] values;
    private final int n;
    /** Whether two draws are equal. */
    private final boolean tied;

    private RankedDraws(Workspace w, double[] values, int n, boolean tied) {
        this.w = w;
        this.values = values;
        this.n = n;
        this.tied = tied;
    }

    /** Sorts {@code values[0 .. n)} (read only) into {@code w}. */
    static RankedDraws of(double[] values, int n, Workspace w) {
        boolean tied = RankOrder.sort(values, n, w.order, w.buffer, w.sorted, w.counts);
        return new RankedDraws(w, values, n, tied);
    }

    /** Sorts {@code values[0 .. n)} (read only) into a workspace of its own. */
    static RankedDraws of(double[] values, int n) {
        return of(values, n, new Workspace(1, n));
    }

    int size() {
        return n;
    }

    /** The values in ascending order (the workspace's array; its first {@link #size()} entries). */
    double[] sorted() {
        return w.sorted;
    }

    /** The type-7 (R's default) quantile. */
    double quantile(double probability) {
        return Quantiles.type7(w.sorted, n, probability);
    }

    /** The number of draws {@code x <= threshold} (they come first in ascending order). */
    int countAtMost(double threshold) {
        double[] sorted = w.sorted;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The positions of the draws in ascending order (the low 32 bits of the workspace's longs). */
    long[] order() {
        return w.order;
    }

    /** The position of the {@code k}-th smallest draw. */
    int positionOf(int k) {
        return (int) w.order[k];
    }

    /**
     * Normal scores of the average ranks, Phi^-1((rank - 3/8) / (S + 1/4)), written at each draw's
     * original position of {@code scores}.
     */
    void normalScores(double[] scores, NormalScores table) {
        score(w.sorted, w.order, tied, scores, table);
    }

    /**
     * Normal scores of the ranks of the folded draws |x - median| (Vehtari et al.'s folded R-hat),
     * at each draw's original position of {@code scores}.
     */
    void foldedNormalScores(double median, double[] scores, NormalScores table) {
        for (int i = 0; i < n; i += Chunks.SIZE) {
            distances(values, i, n - i > Chunks.SIZE ? i + Chunks.SIZE : n, median, w.folded);
        }
        boolean foldedTied = RankOrder.sort(w.folded, n, w.foldedOrder, w.buffer, w.foldedSorted, w.counts);
        score(w.foldedSorted, w.foldedOrder, foldedTied, scores, table);
    }

    private static void distances(double[] values, int from, int to, double median, double[] out) {
        for (int i = from; i < to; i++) {
            out[i] = Math.abs(values[i] - median);
        }
    }

    /**
     * Writes the score of rank k at {@code positions[k]} (low 32 bits) for every k, by chunks, then the
     * runs of ties in {@code ascending} (rare for continuous draws; looked for only when the sort met
     * some) the score of their average rank.
     */
    private void score(double[] ascending, long[] positions, boolean tied, double[] scores, NormalScores table) {
        for (int k = 0; k < n; k += Chunks.SIZE) {
            table.scoreRanks(positions, k, n - k > Chunks.SIZE ? k + Chunks.SIZE : n, scores);
        }
        if (!tied) {
            return;
        }
        for (int k = firstTie(ascending, 0, n); k < n; k = firstTie(ascending, k, n)) {
            int end = k + 1;
            while (end + 1 < n && Double.compare(ascending[end + 1], ascending[k]) == 0) {
                end++;
            }
            double average = table.ofAverageRank(k, end);
            for (int t = k; t <= end; t++) {
                scores[(int) positions[t]] = average;
            }
            k = end + 1;
        }
    }

    /** The first {@code k >= from} with {@code ascending[k]} equal to the next value ({@link Double#compare}), or {@code n}. */
    private static int firstTie(double[] ascending, int from, int n) {
        for (int k = from; k < n - 1; k += Chunks.SIZE) {
            int tie = firstTieIn(ascending, k, n - 1 - k > Chunks.SIZE ? k + Chunks.SIZE : n - 1);
            if (tie >= 0) {
                return tie;
            }
        }
        return n;
    }

    private static int firstTieIn(double[] ascending, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Double.compare(ascending[k], ascending[k + 1]) == 0) {
                return k;
            }
        }
        return -1;
    }
}

package org.workbench.diagnostics;

/**
 * The normal scores Phi^-1((rank - 3/8) / (S + 1/4)) of the ranks 1..S of S pooled draws,
 * tabulated once for a given S: every coordinate of a sampler's output, and both its bulk and
 * folded normalisations, have the same S, so the quantile function runs S times per summary
 * instead of twice per draw and coordinate. A run of ties takes the score of its average rank,
 * computed directly when that rank is a half integer. Immutable.
 */
final class NormalScores {
    /** The table is filled every {@code STRIDE}-th rank in turn, {@code PER_CALL} ranks a call. */
    private static final int STRIDE = 16;
    private static final int PER_CALL = 16;

    private final int size;
    private final double[] byRank;

    NormalScores(int size) {
        this.size = size;
        this.byRank = new double[size];
        // every 16th rank in turn, so that the JIT compiles the quantile function having met its
        // tails and its centre (instead of recompiling it when the centre comes), and 16 ranks a
        // call: each is some 50 ns of work, so a few calls, not 22,000 iterations of a loop
        // interpreted until on-stack replacement, ready the compiled code
        for (int start = 0; start < STRIDE; start++) {
            for (int k = start; k < size; k += STRIDE * PER_CALL) {
                tabulate(byRank, k, Math.min(size, k + STRIDE * PER_CALL), size);
            }
        }
    }

    /** Ranks {@code from, from + 16, ...} below {@code to}. */
    private static void tabulate(double[] byRank, int from, int to, int size) {
        for (int k = from; k < to; k += STRIDE) {
            byRank[k] = NormalQuantile.of((k + 1 - 0.375) / (size + 0.25));
        }
    }

    int size() {
        return size;
    }

    /** Writes the score of rank k (0-based, no ties) at {@code scores[(int) positions[k]]}, k in {@code [from, to)}. */
    void scoreRanks(long[] positions, int from, int to, double[] scores) {
        double[] z = byRank;
        for (int k = from; k < to; k++) {
            scores[(int) positions[k]] = z[k];
        }
    }

    /** The score of the average rank of sorted positions {@code first..last} (0-based, inclusive). */
    double ofAverageRank(int first, int last) {
        if ((first + last) % 2 == 0) {
            return byRank[(first + last) / 2];
        }
        return NormalQuantile.of((0.5 * (first + last) + 1 - 0.375) / (size + 0.25));
    }
}

package org.workbench.diagnostics;

/**
 * The normal scores Phi^-1((rank - 3/8) / (S + 1/4)) of the ranks 1..S of S pooled draws,
 * tabulated once for a given S: every coordinate of a sampler's output, and both its bulk and
 * folded normalisations, have the same S, so the quantile function runs S times per summary
 * instead of twice per draw and coordinate. A run of ties takes the score of its average rank,
 * computed directly when that rank is a half integer. Immutable.
 */
final class NormalScores {
    private final int size;
    private final double[] byRank;

    NormalScores(int size) {
        this.size = size;
        this.byRank = new double[size];
        // every 16th rank per call: each call meets the tails and the centre, so the JIT compiles the
        // quantile function with both of its branches instead of recompiling it when the centre comes
        for (int start = 0; start < STRIDE; start++) {
            tabulate(byRank, start, size);
        }
    }

    private static final int STRIDE = 16;

    private static void tabulate(double[] byRank, int start, int size) {
        for (int k = start; k < size; k += STRIDE) {
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

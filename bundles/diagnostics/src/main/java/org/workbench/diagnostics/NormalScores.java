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
        for (int k = 0; k < size; k++) {
            byRank[k] = NormalQuantile.of((k + 1 - 0.375) / (size + 0.25));
        }
    }

    int size() {
        return size;
    }

    /** The score of the average rank of sorted positions {@code first..last} (0-based, inclusive). */
    double ofAverageRank(int first, int last) {
        if ((first + last) % 2 == 0) {
            return byRank[(first + last) / 2];
        }
        return NormalQuantile.of((0.5 * (first + last) + 1 - 0.375) / (size + 0.25));
    }
}

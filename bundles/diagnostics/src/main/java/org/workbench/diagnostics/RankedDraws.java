package org.workbench.diagnostics;

/**
 * Draws sorted with their positions ({@link RankOrder}) in a {@link Workspace}, and what the ranks
 * give: the normal scores of the average ranks, the quantiles, and the folded ranks of |x - median|
 * by merging the two halves of the sorted draws outward from the median (no second sort). Built
 * once per coordinate and shared by the bulk and folded rank normalisations, the median and the
 * tail quantiles. Valid until the workspace ranks the next coordinate.
 */
final class RankedDraws {
    private final Workspace w;
    private final int n;

    private RankedDraws(Workspace w, int n) {
        this.w = w;
        this.n = n;
    }

    /** Sorts {@code values[0 .. n)} (read only) into {@code w}. */
    static RankedDraws of(double[] values, int n, Workspace w) {
        RankOrder.sort(values, n, w.order, w.buffer, w.sorted, w.counts);
        return new RankedDraws(w, n);
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

    /** The position of the {@code k}-th smallest draw. */
    int positionOf(int k) {
        return (int) w.order[k];
    }

    /**
     * Normal scores of the average ranks, Phi^-1((rank - 3/8) / (S + 1/4)), written at each draw's
     * original position of {@code scores}.
     */
    void normalScores(double[] scores, NormalScores table) {
        double[] sorted = w.sorted;
        long[] order = w.order;
        int k = 0;
        while (k < n) {
            int end = k;
            while (end + 1 < n && Double.compare(sorted[end + 1], sorted[k]) == 0) {
                end++;
            }
            double score = table.ofAverageRank(k, end);
            for (int t = k; t <= end; t++) {
                scores[(int) order[t]] = score;
            }
            k = end + 1;
        }
    }

    /**
     * Merges outward from the median into the workspace: {@code folded} gets |x - median| in
     * ascending order, {@code foldedAt} the position of each folded draw. Which side comes next is
     * unpredictable, so the merge selects rather than branches.
     */
    private void fold(double median) {
        double[] sorted = w.sorted;
        long[] order = w.order;
        double[] folded = w.folded;
        int[] at = w.foldedAt;
        int right = lowerBound(sorted, n, median);
        int left = right - 1;
        int last = n - 1;
        for (int k = 0; k < n; k++) {
            double l = Math.abs(sorted[Math.max(left, 0)] - median);
            double r = Math.abs(sorted[Math.min(right, last)] - median);
            double fromLeft = left >= 0 ? l : Double.POSITIVE_INFINITY;
            double fromRight = right <= last ? r : Double.POSITIVE_INFINITY;
            boolean takeLeft = right > last || left >= 0 && Double.compare(fromLeft, fromRight) < 0;
            folded[k] = takeLeft ? fromLeft : fromRight;
            at[k] = (int) order[takeLeft ? Math.max(left, 0) : Math.min(right, last)];
            left -= takeLeft ? 1 : 0;
            right += takeLeft ? 0 : 1;
        }
    }

    /**
     * Normal scores of the ranks of the folded draws |x - median| (Vehtari et al.'s folded R-hat),
     * at each draw's original position of {@code scores}.
     */
    void foldedNormalScores(double median, double[] scores, NormalScores table) {
        fold(median);
        double[] folded = w.folded;
        int[] at = w.foldedAt;
        int k = 0;
        while (k < n) {
            int end = k;
            while (end + 1 < n && Double.compare(folded[end + 1], folded[k]) == 0) {
                end++;
            }
            double score = table.ofAverageRank(k, end);
            for (int t = k; t <= end; t++) {
                scores[at[t]] = score;
            }
            k = end + 1;
        }
    }

    /** The first index whose value is not below {@code value}. */
    private static int lowerBound(double[] sorted, int n, double value) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], value) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package org.workbench.diagnostics;

/**
 * Draws sorted with their positions, by an LSD radix sort of their order-preserving 64-bit keys
 * (stable, O(n), no boxing: passes whose byte is the same for every key are skipped), and the
 * normal scores of their average ranks. Built once per coordinate and shared by the bulk and folded
 * rank normalisations, the median and the tail quantiles.
 */
final class RankedDraws {
    private final double[] sorted;
    private final int[] position;

    private RankedDraws(double[] sorted, int[] position) {
        this.sorted = sorted;
        this.position = position;
    }

    /** Sorts {@code values[0 .. n)} (read only) ascending by {@link Double#compare}. */
    static RankedDraws of(double[] values, int n) {
        long[] keys = new long[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(values[i]);
            index[i] = i;
        }
        long[] keyBuffer = new long[n];
        int[] indexBuffer = new int[n];
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[digit(keys[i], shift) + 1]++;
            }
            if (n == 0 || count[digit(keys[0], shift) + 1] == n) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int slot = count[digit(keys[i], shift)]++;
                keyBuffer[slot] = keys[i];
                indexBuffer[slot] = index[i];
            }
            long[] k = keys;
            keys = keyBuffer;
            keyBuffer = k;
            int[] x = index;
            index = indexBuffer;
            indexBuffer = x;
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[index[i]];
        }
        return new RankedDraws(sorted, index);
    }

    /** A signed key ordered as {@link Double#compare} orders doubles (-0.0 before 0.0, NaN last). */
    private static long key(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ (bits >> 63 & Long.MAX_VALUE);
    }

    /** Byte {@code shift / 8} of the key, the top byte with its sign flipped so that negative keys sort first. */
    private static int digit(long key, int shift) {
        int d = (int) (key >>> shift) & 0xff;
        return shift == 56 ? d ^ 0x80 : d;
    }

    int size() {
        return sorted.length;
    }

    /** The values in ascending order. */
    double[] sorted() {
        return sorted;
    }

    /** The type-7 (R's default) quantile. */
    double quantile(double probability) {
        return Quantiles.type7(sorted, probability);
    }

    /**
     * Normal scores of the average ranks, Phi^-1((rank - 3/8) / (S + 1/4)), written at each draw's
     * original position of {@code scores}.
     */
    void normalScores(double[] scores, NormalScores table) {
        scoresOfSortedRun(sorted, position, scores, table);
    }

    /**
     * Normal scores of the ranks of the folded draws |x - median| (Vehtari et al.'s folded R-hat),
     * at each draw's original position. The folded values come out sorted by merging the two halves
     * of the sorted draws outward from the median, so no second sort is needed.
     */
    void foldedNormalScores(double median, double[] scores, NormalScores table) {
        int n = sorted.length;
        double[] folded = new double[n];
        int[] at = new int[n];
        int right = lowerBound(sorted, median);
        int left = right - 1;
        for (int k = 0; k < n; k++) {
            double fromLeft = left >= 0 ? Math.abs(sorted[left] - median) : Double.POSITIVE_INFINITY;
            double fromRight = right < n ? Math.abs(sorted[right] - median) : Double.POSITIVE_INFINITY;
            if (right >= n || left >= 0 && Double.compare(fromLeft, fromRight) < 0) {
                folded[k] = fromLeft;
                at[k] = position[left--];
            } else {
                folded[k] = fromRight;
                at[k] = position[right++];
            }
        }
        scoresOfSortedRun(folded, at, scores, table);
    }

    /** Average ranks of ascending {@code values} (ties share one), as normal scores at {@code at[k]}. */
    private static void scoresOfSortedRun(double[] values, int[] at, double[] scores, NormalScores table) {
        int s = values.length;
        int k = 0;
        while (k < s) {
            int end = k;
            while (end + 1 < s && Double.compare(values[end + 1], values[k]) == 0) {
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
    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
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

package org.workbench.diagnostics;

/**
 * Sorts draws with their positions, stably, in the order of {@link Double#compare}: each draw's
 * order-preserving 64-bit key has its upper 32 bits packed with the draw's position into one long,
 * three LSD radix passes of 11 bits sort those longs (a pass whose digit is the same for every draw
 * is skipped), and runs that share the upper 32 bits, rare for continuous draws, are then ordered by
 * the lower 32 bits (insertion for short runs, three more radix passes for long ones). About five
 * passes over the draws instead of sixteen for a byte-wise sort of keys and positions. The buffers
 * are the caller's, reused from one coordinate to the next.
 */
final class RankOrder {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    private static final int SHORT_RUN = 24;

    private RankOrder() {
    }

    /** A signed key ordered as {@link Double#compare} orders doubles (-0.0 before 0.0, NaN last). */
    static long key(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ (bits >> 63 & Long.MAX_VALUE);
    }

    /**
     * Writes the positions of {@code values[0 .. n)} in ascending order to {@code order} (the low 32
     * bits of each long; the high bits are scratch) and the values in that order to {@code sorted}.
     *
     * @param counts at least {@code 3 * 2048} ints
     * @return whether two of the values are equal ({@link Double#compare}), found while ordering the
     *         runs of equal upper key halves (so a caller need not look for ties when there are none)
     */
    static boolean sort(double[] values, int n, long[] order, long[] buffer, double[] sorted, int[] counts) {
        java.util.Arrays.fill(counts, 0, 3 * RADIX, 0);
        for (int i = 0; i < n; i += Chunks.SIZE) {
            packHighKeys(values, i, n - i > Chunks.SIZE ? i + Chunks.SIZE : n, order, counts);
        }
        long[] from = order;
        long[] to = buffer;
        for (int pass = 0; pass < 3; pass++) {
            if (scatter(from, to, 0, n, 32 + pass * BITS, counts, pass * RADIX)) {
                long[] t = from;
                from = to;
                to = t;
            }
        }
        if (from != order) {
            System.arraycopy(from, 0, order, 0, n);
        }
        // runs of equal upper halves (each ends at the first index whose upper half differs)
        boolean tied = false;
        for (int start = firstTie(order, 0, n); start < n; start = firstTie(order, start, n)) {
            long high = order[start] >>> 32;
            int end = start + 1;
            while (end < n && order[end] >>> 32 == high) {
                end++;
            }
            tied |= orderByLowBits(values, order, buffer, start, end, counts);
            start = end;
        }
        for (int k = 0; k < n; k += Chunks.SIZE) {
            gather(values, order, k, n - k > Chunks.SIZE ? k + Chunks.SIZE : n, sorted);
        }
        return tied;
    }

    /**
     * The packed keys (upper key half above the position) of {@code values[from .. to)} into {@code
     * order}, and their three digits counted.
     */
    private static void packHighKeys(double[] values, int from, int to, long[] order, int[] counts) {
        for (int i = from; i < to; i++) {
            long high = (key(values[i]) >>> 32) ^ 0x80000000L;
            order[i] = high << 32 | i;
            counts[(int) (high & MASK)]++;
            counts[RADIX + (int) (high >>> BITS & MASK)]++;
            counts[2 * RADIX + (int) (high >>> 2 * BITS)]++;
        }
    }

    /**
     * The first index {@code k >= from} whose upper half equals the next one's, {@code n} when there is
     * none (one kernel call per chunk searched, since ties are rare for continuous draws).
     */
    private static int firstTie(long[] order, int from, int n) {
        for (int k = from; k < n - 1; k += Chunks.SIZE) {
            int tie = firstTieIn(order, k, n - 1 - k > Chunks.SIZE ? k + Chunks.SIZE : n - 1);
            if (tie >= 0) {
                return tie;
            }
        }
        return n;
    }

    /** The first {@code k} in {@code [from, to)} with {@code order[k]} and {@code order[k + 1]} sharing their upper half, or -1. */
    private static int firstTieIn(long[] order, int from, int to) {
        for (int k = from; k < to; k++) {
            if (order[k] >>> 32 == order[k + 1] >>> 32) {
                return k;
            }
        }
        return -1;
    }

    private static void gather(double[] values, long[] order, int from, int to, double[] sorted) {
        for (int k = from; k < to; k++) {
            sorted[k] = values[(int) order[k]];
        }
    }

    /**
     * One stable counting pass on the digit at {@code shift} of {@code from[lo .. hi)} into
     * {@code to[lo .. hi)}, with the digit counts at {@code counts[base ..]}; false (nothing moved)
     * when every element has the same digit.
     */
    private static boolean scatter(long[] from, long[] to, int lo, int hi, int shift, int[] counts, int base) {
        int n = hi - lo;
        if (n == 0 || counts[base + (int) (from[lo] >>> shift & MASK)] == n) {
            return false;
        }
        startsOfDigits(counts, base, lo);
        for (int i = lo; i < hi; i += Chunks.SIZE) {
            distribute(from, to, i, hi - i > Chunks.SIZE ? i + Chunks.SIZE : hi, shift, counts, base);
        }
        return true;
    }

    /** Turns the digit counts at {@code counts[base ..]} into the digits' first places, from {@code lo}. */
    private static void startsOfDigits(int[] counts, int base, int lo) {
        int sum = lo;
        for (int d = 0; d < RADIX; d++) {
            int c = counts[base + d];
            counts[base + d] = sum;
            sum += c;
        }
    }

    /** Moves {@code from[lo .. hi)} each to its digit's next place in {@code to}. */
    private static void distribute(long[] from, long[] to, int lo, int hi, int shift, int[] counts, int base) {
        for (int i = lo; i < hi; i++) {
            long v = from[i];
            to[counts[base + (int) (v >>> shift & MASK)]++] = v;
        }
    }

    /**
     * Orders a run of equal upper key halves by the lower halves, stably (position order among equal
     * draws); whether two of its keys are equal.
     */
    private static boolean orderByLowBits(double[] values, long[] order, long[] buffer, int lo, int hi, int[] counts) {
        // repack: lower key half above the position
        for (int k = lo; k < hi; k++) {
            int position = (int) order[k];
            order[k] = (key(values[position]) & 0xffffffffL) << 32 | position;
        }
        if (hi - lo <= SHORT_RUN) {
            for (int k = lo + 1; k < hi; k++) {
                long v = order[k];
                int j = k - 1;
                while (j >= lo && Long.compareUnsigned(order[j] >>> 32, v >>> 32) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
            return equalNeighbours(order, lo, hi);
        }
        java.util.Arrays.fill(counts, 0, 3 * RADIX, 0);
        for (int k = lo; k < hi; k++) {
            long low = order[k] >>> 32;
            counts[(int) (low & MASK)]++;
            counts[RADIX + (int) (low >>> BITS & MASK)]++;
            counts[2 * RADIX + (int) (low >>> 2 * BITS)]++;
        }
        long[] from = order;
        long[] to = buffer;
        for (int pass = 0; pass < 3; pass++) {
            if (scatter(from, to, lo, hi, 32 + pass * BITS, counts, pass * RADIX)) {
                long[] t = from;
                from = to;
                to = t;
            }
        }
        if (from != order) {
            System.arraycopy(from, lo, order, lo, hi - lo);
        }
        return equalNeighbours(order, lo, hi);
    }

    /** Whether two neighbours of {@code order[lo .. hi)} have the same upper half. */
    private static boolean equalNeighbours(long[] order, int lo, int hi) {
        for (int k = lo + 1; k < hi; k++) {
            if (order[k] >>> 32 == order[k - 1] >>> 32) {
                return true;
            }
        }
        return false;
    }
}

package org.workbench.engine.store;

/**
 * The indices {@code 0..n-1} sorted by an order on them, without boxing them into {@code Integer}s (as
 * {@code Arrays.sort} with a comparator would, 100,000 of them for a value column): a stable bottom-up
 * merge sort that skips a merge whose halves are already in order, so input already sorted costs one
 * comparison an index.
 */
final class IndexSort {
    /** An order on indices. */
    @FunctionalInterface
    interface Order {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    static int[] sorted(int n, Order order) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] merged = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (order.compare(a[mid - 1], a[mid]) <= 0) {
                    continue; // in order already
                }
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    merged[k++] = order.compare(a[j], a[i]) < 0 ? a[j++] : a[i++]; // the left one first on a tie
                }
                while (i < mid) {
                    merged[k++] = a[i++];
                }
                while (j < hi) {
                    merged[k++] = a[j++];
                }
                System.arraycopy(merged, lo, a, lo, hi - lo);
            }
        }
        return a;
    }
}

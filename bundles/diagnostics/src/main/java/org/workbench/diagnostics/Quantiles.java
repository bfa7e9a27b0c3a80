package org.workbench.diagnostics;

/** Sample quantiles of sorted values. */
final class Quantiles {
    private Quantiles() {
    }

    /** The type-7 (R's default) quantile of ascending {@code sorted}. */
    static double type7(double[] sorted, double probability) {
        return type7(sorted, sorted.length, probability);
    }

    /** The type-7 quantile of ascending {@code sorted[0 .. n)}. */
    static double type7(double[] sorted, int n, double probability) {
        double h = (n - 1) * probability;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

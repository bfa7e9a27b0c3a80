package org.workbench.diagnostics;

/** Sample quantiles of sorted values. */
final class Quantiles {
    private Quantiles() {
    }

    /** The type-7 (R's default) quantile of ascending {@code sorted}. */
    static double type7(double[] sorted, double probability) {
        double h = (sorted.length - 1) * probability;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

package org.workbench.engine.output;

/** Axis bounds on round numbers: the data's range widened to multiples of a 1-2-5 step. */
final class NiceTicks {
    private NiceTicks() {
    }

    /** A 1, 2 or 5 times a power of ten near {@code span / ticks}. */
    static double step(double span, int ticks) {
        double raw = span / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * magnitude;
    }

    /** {min, max} on multiples of a round step, or null when the values have no finite span. */
    static double[] bounds(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            return null;
        }
        double step = step(max - min, 8);
        return new double[] { Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step };
    }
}

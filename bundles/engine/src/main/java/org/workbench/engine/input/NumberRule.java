package org.workbench.engine.input;

/**
 * The rule every number in a descriptor obeys before its provider's own range is checked: finite,
 * and either zero or of magnitude between {@value #SMALLEST} and {@value #LARGEST}. Numbers beyond
 * it (1e999 is read as infinity, 1e-320 is subnormal, 1.7e308 overflows as soon as it is squared)
 * only ever produce NaN or infinite results, so they are refused at {@code validate} with exit 2
 * instead of failing, or worse succeeding with NaN, at run time.
 */
public final class NumberRule {
    /** The smallest magnitude of a non-zero number. */
    public static final double SMALLEST = 1e-100;
    /** The largest magnitude of a number. */
    public static final double LARGEST = 1e100;
    /** The rule in words, for messages. */
    public static final String TEXT = "finite, 0 or of magnitude between 1e-100 and 1e100";

    private NumberRule() {
    }

    /** Whether {@code v} obeys the rule. */
    public static boolean admits(double v) {
        double a = Math.abs(v);
        return v == 0 || (a >= SMALLEST && a <= LARGEST);
    }

    /** {@code v} as a user wrote it, with what the parser made of it. */
    static String describe(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return (v > 0 ? "" : "-") + "a number beyond the range of doubles (read as infinity)";
        }
        return Double.toString(v);
    }
}

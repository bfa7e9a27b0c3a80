package org.workbench.task.gaussianmean;

import java.util.function.DoubleUnaryOperator;

/**
 * Finds a local maximum of a function of one variable: brackets it by walking uphill with growing
 * steps, narrows the bracket by golden-section search, then bisects on the sign of the derivative
 * (a subgradient at kinks) down to adjacent doubles. The last step makes the result exact to
 * rounding both at smooth maxima and at kinks such as the location of a Laplace prior.
 */
final class Maximiser {
    private static final double INVERSE_PHI = (Math.sqrt(5) - 1) / 2;
    private static final int MAX_EXPANSIONS = 200;

    private final DoubleUnaryOperator f;
    private final DoubleUnaryOperator derivative;
    private int evaluations;

    /**
     * @param f          the function to maximise; may be negative infinity away from its support
     * @param derivative its derivative (any subgradient at kinks); used only for the final refinement
     */
    Maximiser(DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        this.f = f;
        this.derivative = derivative;
    }

    /** The number of function and derivative evaluations so far. */
    int evaluations() {
        return evaluations;
    }

    /**
     * The maximiser reached from {@code start}, where f must be finite, with first step {@code step} > 0.
     *
     * @throws IllegalStateException when f keeps increasing (no maximum within about 2^200 steps)
     */
    double argmax(double start, double step) {
        double fStart = value(start);
        if (!Double.isFinite(fStart)) {
            throw new IllegalArgumentException("the function is not finite at the starting point " + start);
        }
        double[] bracket = bracket(start, fStart, step);
        double a = bracket[0];
        double b = bracket[2];
        double scale = Math.max(Math.abs(bracket[1]), step);
        double c = b - INVERSE_PHI * (b - a);
        double d = a + INVERSE_PHI * (b - a);
        double fc = value(c);
        double fd = value(d);
        while (b - a > 1e-7 * scale) {
            if (fc >= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - INVERSE_PHI * (b - a);
                fc = value(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + INVERSE_PHI * (b - a);
                fd = value(d);
            }
        }
        double golden = fc >= fd ? c : d;
        return refine(a, b, golden);
    }

    /** Returns {left, middle, right} with f(middle) at least f at both ends. */
    private double[] bracket(double start, double fStart, double step) {
        double fUp = value(start + step);
        double fDown = value(start - step);
        if (fStart >= fUp && fStart >= fDown) {
            return new double[] {start - step, start, start + step};
        }
        double direction = fUp > fDown ? 1 : -1;
        double previous = start;
        double current = start + direction * step;
        double fCurrent = Math.max(fUp, fDown);
        double stride = step;
        for (int k = 0; k < MAX_EXPANSIONS; k++) {
            stride *= 2;
            double next = current + direction * stride;
            double fNext = value(next);
            if (fNext <= fCurrent) {
                return direction > 0 ? new double[] {previous, current, next} : new double[] {next, current, previous};
            }
            previous = current;
            current = next;
            fCurrent = fNext;
        }
        throw new IllegalStateException("the function keeps increasing beyond " + current
                + ": it has no maximum (is the prior improper and the data empty?)");
    }

    /**
     * Bisects on the sign of the derivative in [a, b] when it changes from + to -, down to adjacent
     * doubles, and returns the one with the smaller |derivative| (at a kink, the kink itself, whose
     * smallest subgradient is smaller than the one-sided slopes beside it); else keeps {@code fallback}.
     */
    private double refine(double a, double b, double fallback) {
        double lo = a;
        double hi = b;
        double gLo = slope(lo);
        double gHi = slope(hi);
        if (!(gLo > 0 && gHi < 0)) {
            return fallback;
        }
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                return Math.abs(gLo) <= Math.abs(gHi) ? lo : hi;
            }
            double g = slope(mid);
            if (g > 0) {
                lo = mid;
                gLo = g;
            } else if (g < 0) {
                hi = mid;
                gHi = g;
            } else {
                return mid;
            }
        }
    }

    private double value(double x) {
        evaluations++;
        double v = f.applyAsDouble(x);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private double slope(double x) {
        evaluations++;
        return derivative.applyAsDouble(x);
    }
}

package org.workbench.task.gaussianmean;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Adaptive Gauss–Kronrod (G7–K15) quadrature of a vector-valued integrand over a finite interval
 * with optional breakpoints (kinks). The interval with the largest error estimate is bisected until,
 * for every component i, the summed estimate |K15 - G7| is at most {@code relativeTolerance} times
 * the integral of |f_i|. Using the raw |K15 - G7| (the G7 error) as the estimate is conservative:
 * the K15 result is typically several digits better than the bound it reports.
 */
final class GaussKronrod {
    /** Kronrod abscissae on [-1, 1] (non-negative half); odd indices are the Gauss 7-point nodes. */
    private static final double[] XK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0 };
    private static final double[] WK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714 };
    /** Gauss weights for XK[1], XK[3], XK[5], XK[7]. */
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327 };

    /** A vector-valued integrand: writes f(x) into {@code out}. */
    interface Integrand {
        void evaluate(double x, double[] out);
    }

    /**
     * The outcome of one integration.
     *
     * @param values            the integrals, one per component
     * @param relativeError     the largest component's error bound divided by the integral of its absolute value
     * @param intervals         the number of sub-intervals at the end
     * @param evaluations       the number of integrand evaluations
     * @param converged         whether the tolerance was met within the interval budget
     */
    record Result(double[] values, double relativeError, int intervals, int evaluations, boolean converged) {
    }

    private final int components;
    private final double relativeTolerance;
    private final int maxIntervals;

    GaussKronrod(int components, double relativeTolerance, int maxIntervals) {
        this.components = components;
        this.relativeTolerance = relativeTolerance;
        this.maxIntervals = maxIntervals;
    }

    /**
     * Integrates over [{@code breakpoints[0]}, {@code breakpoints[last]}]; interior breakpoints (sorted,
     * e.g. kinks) start as interval ends, and each starting piece is first cut into {@code initialPieces}.
     */
    Result integrate(Integrand f, double[] breakpoints, int initialPieces) {
        PriorityQueue<Piece> queue = new PriorityQueue<>((p, q) -> Double.compare(q.worst, p.worst));
        double[] total = new double[components];
        double[] error = new double[components];
        double[] absolute = new double[components];
        double[] scratch = new double[components];
        int evaluations = 0;
        for (int k = 0; k + 1 < breakpoints.length; k++) {
            double a = breakpoints[k];
            double b = breakpoints[k + 1];
            if (!(b > a)) {
                continue;
            }
            for (int j = 0; j < initialPieces; j++) {
                double lo = a + (b - a) * j / initialPieces;
                double hi = j + 1 == initialPieces ? b : a + (b - a) * (j + 1) / initialPieces;
                Piece p = rule(f, lo, hi, scratch);
                evaluations += 15;
                add(p, total, error, absolute, 1);
                queue.add(p);
            }
        }
        boolean converged = converged(error, absolute);
        while (!converged && queue.size() < maxIntervals) {
            Piece worst = queue.poll();
            double mid = 0.5 * (worst.a + worst.b);
            if (!(mid > worst.a && mid < worst.b)) {
                queue.add(worst);
                break;
            }
            Piece left = rule(f, worst.a, mid, scratch);
            Piece right = rule(f, mid, worst.b, scratch);
            evaluations += 30;
            add(worst, total, error, absolute, -1);
            add(left, total, error, absolute, 1);
            add(right, total, error, absolute, 1);
            queue.add(left);
            queue.add(right);
            converged = converged(error, absolute);
        }
        // Re-sum from the final pieces to shed the rounding of the running updates.
        Arrays.fill(total, 0);
        Arrays.fill(error, 0);
        Arrays.fill(absolute, 0);
        for (Piece p : queue) {
            add(p, total, error, absolute, 1);
        }
        double worstRelative = 0;
        for (int i = 0; i < components; i++) {
            if (absolute[i] > 0) {
                worstRelative = Math.max(worstRelative, error[i] / absolute[i]);
            }
        }
        return new Result(total, worstRelative, queue.size(), evaluations, converged(error, absolute));
    }

    private boolean converged(double[] error, double[] absolute) {
        for (int i = 0; i < components; i++) {
            if (error[i] > relativeTolerance * absolute[i]) {
                return false;
            }
        }
        return true;
    }

    private void add(Piece p, double[] total, double[] error, double[] absolute, int sign) {
        for (int i = 0; i < components; i++) {
            total[i] += sign * p.kronrod[i];
            error[i] += sign * p.error[i];
            absolute[i] += sign * p.absolute[i];
        }
    }

    private Piece rule(Integrand f, double a, double b, double[] value) {
        double centre = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double[] kronrod = new double[components];
        double[] gauss = new double[components];
        double[] absolute = new double[components];
        for (int j = 0; j < XK.length; j++) {
            int sides = XK[j] == 0 ? 1 : 2;
            for (int s = 0; s < sides; s++) {
                double x = s == 0 ? centre - half * XK[j] : centre + half * XK[j];
                f.evaluate(x, value);
                for (int i = 0; i < components; i++) {
                    kronrod[i] += WK[j] * value[i];
                    absolute[i] += WK[j] * Math.abs(value[i]);
                    if (j % 2 == 1) {
                        gauss[i] += WG[j / 2] * value[i];
                    }
                }
            }
        }
        double[] error = new double[components];
        double worst = 0;
        for (int i = 0; i < components; i++) {
            kronrod[i] *= half;
            absolute[i] *= half;
            error[i] = Math.abs(kronrod[i] - gauss[i] * half);
            worst = Math.max(worst, error[i]);
        }
        return new Piece(a, b, kronrod, error, absolute, worst);
    }

    private record Piece(double a, double b, double[] kronrod, double[] error, double[] absolute, double worst) {
    }
}

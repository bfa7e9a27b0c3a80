package org.workbench.task.gaussianmean;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The posterior of mu computed numerically from a {@link LogPosterior}: the mode by {@link Maximiser},
 * then a data-driven interval around it whose ends lie where the log posterior has dropped by
 * {@value #LOG_DROP} below its maximum (density below e^-60 of the peak), then the normaliser, mean
 * and variance by adaptive {@link GaussKronrod} quadrature of exp(log posterior - maximum), with the
 * mode and any kinks as breakpoints. The requested tolerance is raised to the rounding noise of the
 * log posterior when that is larger (a per-point likelihood summed over many observations), so the
 * integration never chases noise. Immutable once computed.
 */
final class QuadraturePosterior {
    /** How far (in log density) below the maximum the integration interval extends on each side. */
    static final double LOG_DROP = 60;
    private static final int MAX_STEPS = 2000;

    private final LogPosterior logPosterior;
    private final double mode;
    private final double top;
    private final double lower;
    private final double upper;
    private final double normaliser;
    private final double mean;
    private final double variance;
    private final GaussKronrod.Result integration;
    private final int optimiserEvaluations;
    private final double tolerance;

    private QuadraturePosterior(LogPosterior logPosterior, double start, double scale, double[] kinks,
            double tolerance) {
        this.logPosterior = logPosterior;
        Maximiser maximiser = new Maximiser(logPosterior::value, logPosterior::gradient);
        this.mode = maximiser.argmax(start, scale);
        this.optimiserEvaluations = maximiser.evaluations();
        this.top = logPosterior.value(mode);
        this.lower = mode - extent(-1, scale);
        this.upper = mode + extent(1, scale);
        double width = (upper - lower) / 22;
        double[] breakpoints = breakpoints(kinks);
        this.tolerance = Math.max(tolerance, 64 * Math.ulp(1.0) * logPosterior.magnitude(mode));
        GaussKronrod rule = new GaussKronrod(3, this.tolerance, 4000);
        this.integration = rule.integrate((mu, out) -> {
            double w = Math.exp(logPosterior.value(mu) - top);
            double u = (mu - mode) / width;
            out[0] = w;
            out[1] = u * w;
            out[2] = u * u * w;
        }, breakpoints, 4);
        double[] v = integration.values();
        this.normaliser = v[0];
        double m1 = v[1] / v[0];
        this.mean = mode + width * m1;
        this.variance = width * width * Math.max(v[2] / v[0] - m1 * m1, 0);
    }

    /**
     * Computes the posterior.
     *
     * @param logPosterior the log posterior of mu
     * @param start        a point where it is finite, near the mode
     * @param scale        a first guess of the posterior's width, positive
     * @param kinks        points where the log posterior may have a kink (e.g. a Laplace location)
     * @param tolerance    the relative error bound of the quadrature
     */
    static QuadraturePosterior compute(LogPosterior logPosterior, double start, double scale, double[] kinks,
            double tolerance) {
        return new QuadraturePosterior(logPosterior, start, scale, kinks, tolerance);
    }

    /** How far from the mode, in direction {@code sign}, the log posterior first drops by LOG_DROP (within a factor 2). */
    private double extent(int sign, double scale) {
        DoubleUnaryOperator drop = d -> {
            double v = logPosterior.value(mode + sign * d);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : top - v;
        };
        double d = scale;
        if (drop.applyAsDouble(d) >= LOG_DROP) {
            for (int k = 0; k < MAX_STEPS && d / 2 > 0 && drop.applyAsDouble(d / 2) >= LOG_DROP; k++) {
                d /= 2;
            }
            return d;
        }
        for (int k = 0; k < MAX_STEPS; k++) {
            d *= 2;
            if (!Double.isFinite(mode + sign * d)) {
                break;
            }
            if (drop.applyAsDouble(d) >= LOG_DROP) {
                return d;
            }
        }
        throw new IllegalStateException("the posterior of mu does not decay away from its mode " + mode
                + ": the prior is improper or too heavy-tailed to integrate");
    }

    private double[] breakpoints(double[] kinks) {
        double[] points = new double[kinks.length + 3];
        int count = 0;
        points[count++] = lower;
        points[count++] = mode;
        for (double k : kinks) {
            if (k > lower && k < upper) {
                points[count++] = k;
            }
        }
        points[count++] = upper;
        double[] sorted = Arrays.copyOf(points, count);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    /** The mode of the posterior, the MAP estimate. */
    double map() {
        return mode;
    }

    double mean() {
        return mean;
    }

    double variance() {
        return variance;
    }

    /** The normalised posterior density at {@code mu}. */
    double density(double mu) {
        return Math.exp(logPosterior.value(mu) - top) / normaliser;
    }

    /** The lower end of the integration interval. */
    double lower() {
        return lower;
    }

    /** The upper end of the integration interval. */
    double upper() {
        return upper;
    }

    /** Quadrature diagnostics: error bound, intervals, evaluations, convergence. */
    GaussKronrod.Result integration() {
        return integration;
    }

    /** The relative tolerance used: the requested one, or the log posterior's rounding noise if larger. */
    double tolerance() {
        return tolerance;
    }

    /** Evaluations that the optimiser spent finding the mode. */
    int optimiserEvaluations() {
        return optimiserEvaluations;
    }
}

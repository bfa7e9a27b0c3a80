package org.workbench.prior.laplace;

import java.util.SplittableRandom;

import org.workbench.api.PerCoordinate;
import org.workbench.api.bayes.LaplacePrior;

/**
 * Laplace(location_i, scale_i) independently per coordinate; a single value applies to every
 * coordinate. Log density sum_i -log(2 tau_i) - |w_i - mu_i| / tau_i. The scales are positive (the
 * provider declares {@code scale > 0}).
 */
final class IndependentLaplace implements LaplacePrior {
    private final PerCoordinate location;
    private final PerCoordinate scale;
    private final int dimension;

    IndependentLaplace(PerCoordinate location, PerCoordinate scale) {
        this.location = location;
        this.scale = scale;
        this.dimension = PerCoordinate.dimension("location", location, "scale", scale);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double location(int i) {
        return location.get(i);
    }

    @Override
    public double scale(int i) {
        return scale.get(i);
    }

    @Override
    public double logDensity(double[] theta) {
        PerCoordinate.checkLength(dimension, theta);
        double sum = 0;
        for (int i = 0; i < theta.length; i++) {
            double tau = scale(i);
            sum += -Math.log(2 * tau) - Math.abs(theta[i] - location(i)) / tau;
        }
        return sum;
    }

    /** Writes -sign(w_i - mu_i) / tau_i, and 0 exactly at the kink w_i = mu_i (the smallest subgradient). */
    @Override
    public double[] gradient(double[] theta, double[] gradient) {
        PerCoordinate.checkLength(dimension, theta);
        for (int i = 0; i < theta.length; i++) {
            gradient[i] = -Math.signum(theta[i] - location(i)) / scale(i);
        }
        return gradient;
    }

    /** Draws mu_i + tau_i (E1 - E2) with E1, E2 independent standard exponentials. */
    @Override
    public void sample(SplittableRandom random, double[] out) {
        PerCoordinate.checkLength(dimension, out);
        for (int i = 0; i < out.length; i++) {
            double e1 = -Math.log1p(-random.nextDouble());
            double e2 = -Math.log1p(-random.nextDouble());
            out[i] = location(i) + scale(i) * (e1 - e2);
        }
    }

    @Override
    public String toString() {
        return "Laplace(" + location + ", " + scale + ")";
    }
}

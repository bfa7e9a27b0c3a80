package org.workbench.prior.laplace;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.workbench.api.bayes.LaplacePrior;

/**
 * Laplace(location_i, scale_i) independently per coordinate; a length-1 parameter applies to every
 * coordinate. Log density sum_i -log(2 tau_i) - |w_i - mu_i| / tau_i.
 */
final class IndependentLaplace implements LaplacePrior {
    private final double[] location;
    private final double[] scale;

    IndependentLaplace(double[] location, double[] scale) {
        for (double t : scale) {
            if (!(t > 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("scale must be positive and finite, got " + t);
            }
        }
        this.location = location.clone();
        this.scale = scale.clone();
    }

    @Override
    public int dimension() {
        int d = Math.max(location.length, scale.length);
        return d == 1 ? 0 : d;
    }

    @Override
    public double location(int i) {
        return location.length == 1 ? location[0] : location[i];
    }

    @Override
    public double scale(int i) {
        return scale.length == 1 ? scale[0] : scale[i];
    }

    @Override
    public double logDensity(double[] theta) {
        checkLength(theta);
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
        checkLength(theta);
        for (int i = 0; i < theta.length; i++) {
            gradient[i] = -Math.signum(theta[i] - location(i)) / scale(i);
        }
        return gradient;
    }

    /** Draws mu_i + tau_i (E1 - E2) with E1, E2 independent standard exponentials. */
    @Override
    public void sample(SplittableRandom random, double[] out) {
        checkLength(out);
        for (int i = 0; i < out.length; i++) {
            double e1 = -Math.log1p(-random.nextDouble());
            double e2 = -Math.log1p(-random.nextDouble());
            out[i] = location(i) + scale(i) * (e1 - e2);
        }
    }

    private void checkLength(double[] theta) {
        int d = dimension();
        if (d != 0 && theta.length != d) {
            throw new IllegalArgumentException("the prior has " + d + " coordinates, theta has " + theta.length);
        }
    }

    @Override
    public String toString() {
        return "Laplace(" + Arrays.toString(location) + ", " + Arrays.toString(scale) + ")";
    }
}

package org.workbench.prior.gaussian;

import java.util.SplittableRandom;

import org.workbench.api.PerCoordinate;
import org.workbench.api.bayes.GaussianPrior;

/** N(mean_i, variance_i) independently per coordinate; a single value applies to every coordinate. */
final class IndependentGaussian implements GaussianPrior {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final PerCoordinate mean;
    private final PerCoordinate variance;
    private final int dimension;

    IndependentGaussian(PerCoordinate mean, PerCoordinate variance) {
        this.mean = mean;
        this.variance = variance;
        this.dimension = PerCoordinate.dimension("mean", mean, "variance", variance);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double mean(int i) {
        return mean.get(i);
    }

    @Override
    public double variance(int i) {
        return variance.get(i);
    }

    @Override
    public double logDensity(double[] theta) {
        PerCoordinate.checkLength(dimension, theta);
        double sum = 0;
        for (int i = 0; i < theta.length; i++) {
            double v = variance(i);
            double d = theta[i] - mean(i);
            sum += -0.5 * (LOG_2PI + Math.log(v) + d * d / v);
        }
        return sum;
    }

    @Override
    public double[] gradient(double[] theta, double[] gradient) {
        PerCoordinate.checkLength(dimension, theta);
        for (int i = 0; i < theta.length; i++) {
            gradient[i] = -(theta[i] - mean(i)) / variance(i);
        }
        return gradient;
    }

    @Override
    public void sample(SplittableRandom random, double[] out) {
        PerCoordinate.checkLength(dimension, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = mean(i) + Math.sqrt(variance(i)) * random.nextGaussian();
        }
    }

    @Override
    public String toString() {
        return "N(" + mean + ", " + variance + ")";
    }
}

package org.workbench.prior.gaussian;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.workbench.api.bayes.GaussianPrior;

/** N(mean_i, variance_i) independently per coordinate; a length-1 parameter applies to every coordinate. */
final class IndependentGaussian implements GaussianPrior {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final double[] mean;
    private final double[] variance;

    IndependentGaussian(double[] mean, double[] variance) {
        this.mean = mean.clone();
        this.variance = variance.clone();
    }

    @Override
    public int dimension() {
        return Math.max(mean.length, variance.length) == 1 ? 0 : Math.max(mean.length, variance.length);
    }

    @Override
    public double mean(int i) {
        return mean.length == 1 ? mean[0] : mean[i];
    }

    @Override
    public double variance(int i) {
        return variance.length == 1 ? variance[0] : variance[i];
    }

    @Override
    public double logDensity(double[] theta) {
        checkLength(theta);
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
        checkLength(theta);
        for (int i = 0; i < theta.length; i++) {
            gradient[i] = -(theta[i] - mean(i)) / variance(i);
        }
        return gradient;
    }

    @Override
    public void sample(SplittableRandom random, double[] out) {
        checkLength(out);
        for (int i = 0; i < out.length; i++) {
            out[i] = mean(i) + Math.sqrt(variance(i)) * random.nextGaussian();
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
        return "N(" + Arrays.toString(mean) + ", " + Arrays.toString(variance) + ")";
    }
}

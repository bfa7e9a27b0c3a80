package org.workbench.api.testing;

import java.util.SplittableRandom;

import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.GaussianPrior;
import org.workbench.api.bayes.LaplacePrior;

/**
 * Small, obviously correct priors and likelihoods (Laplace, Gaussian) for tests of samplers, solvers
 * and tasks that must not depend on the provider bundles.
 */
public final class BayesDoubles {
    private BayesDoubles() {
    }

    public static LaplacePrior laplace(double[] location, double scale) {
        return new LaplacePrior() {
            @Override
            public int dimension() {
                return location.length;
            }

            @Override
            public double location(int i) {
                return location[i];
            }

            @Override
            public double scale(int i) {
                return scale;
            }

            @Override
            public double logDensity(double[] theta) {
                double s = 0;
                for (int i = 0; i < theta.length; i++) {
                    s += -Math.log(2 * scale) - Math.abs(theta[i] - location[i]) / scale;
                }
                return s;
            }

            @Override
            public double[] gradient(double[] theta, double[] gradient) {
                for (int i = 0; i < theta.length; i++) {
                    gradient[i] = -Math.signum(theta[i] - location[i]) / scale;
                }
                return gradient;
            }

            @Override
            public void sample(SplittableRandom random, double[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = location[i] + scale * (Math.log(random.nextDouble()) - Math.log(random.nextDouble()));
                }
            }
        };
    }

    public static GaussianLikelihood gaussian(double variance) {
        return new GaussianLikelihood() {
            @Override
            public double variance() {
                return variance;
            }

            @Override
            public double logDensity(double observed, double predicted) {
                double r = observed - predicted;
                return -0.5 * (Math.log(2 * Math.PI * variance) + r * r / variance);
            }

            @Override
            public double gradient(double observed, double predicted) {
                return (observed - predicted) / variance;
            }
        };
    }

    public static GaussianPrior gaussianPrior(double[] mean, double variance) {
        return new GaussianPrior() {
            @Override
            public int dimension() {
                return mean.length;
            }

            @Override
            public double mean(int i) {
                return mean[i];
            }

            @Override
            public double variance(int i) {
                return variance;
            }

            @Override
            public double logDensity(double[] theta) {
                double s = 0;
                for (int i = 0; i < theta.length; i++) {
                    double d = theta[i] - mean[i];
                    s += -0.5 * (Math.log(2 * Math.PI * variance) + d * d / variance);
                }
                return s;
            }

            @Override
            public double[] gradient(double[] theta, double[] gradient) {
                for (int i = 0; i < theta.length; i++) {
                    gradient[i] = -(theta[i] - mean[i]) / variance;
                }
                return gradient;
            }

            @Override
            public void sample(SplittableRandom random, double[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = mean[i] + Math.sqrt(variance) * random.nextGaussian();
                }
            }
        };
    }
}

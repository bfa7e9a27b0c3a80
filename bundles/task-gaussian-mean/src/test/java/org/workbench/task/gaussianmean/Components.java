package org.workbench.task.gaussianmean;

import java.util.SplittableRandom;

import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.GaussianPrior;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;

/**
 * Small, independent implementations of the API's components for testing the task without the
 * other bundles, including "plain" wrappers that hide a conjugate type so that the task must take
 * its quadrature path.
 */
final class Components {
    private Components() {
    }

    static DataSource values(double... x) {
        Dataset d = Dataset.values(x);
        return () -> d;
    }

    static double[] gaussianSample(int n, double mean, double stddev, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + stddev * random.nextGaussian();
        }
        return x;
    }

    static GaussianLikelihood gaussianLikelihood(double variance) {
        return new GaussianLikelihood() {
            @Override
            public double variance() {
                return variance;
            }

            @Override
            public double logDensity(double observed, double predicted) {
                double r = observed - predicted;
                return -0.5 * Math.log(2 * Math.PI * variance) - r * r / (2 * variance);
            }

            @Override
            public double gradient(double observed, double predicted) {
                return (observed - predicted) / variance;
            }
        };
    }

    /** The same likelihood seen only as a {@link Likelihood}: no conjugacy, per-point sums. */
    static Likelihood plain(Likelihood delegate) {
        return new Likelihood() {
            @Override
            public double logDensity(double observed, double predicted) {
                return delegate.logDensity(observed, predicted);
            }

            @Override
            public double gradient(double observed, double predicted) {
                return delegate.gradient(observed, predicted);
            }
        };
    }

    static GaussianPrior gaussianPrior(double mean, double variance) {
        return new GaussianPrior() {
            @Override
            public double mean(int i) {
                return mean;
            }

            @Override
            public double variance(int i) {
                return variance;
            }

            @Override
            public int dimension() {
                return 0;
            }

            @Override
            public double logDensity(double[] theta) {
                double d = theta[0] - mean;
                return -0.5 * Math.log(2 * Math.PI * variance) - d * d / (2 * variance);
            }

            @Override
            public double[] gradient(double[] theta, double[] gradient) {
                gradient[0] = -(theta[0] - mean) / variance;
                return gradient;
            }

            @Override
            public void sample(SplittableRandom random, double[] out) {
                out[0] = mean + Math.sqrt(variance) * random.nextGaussian();
            }
        };
    }

    static LaplacePrior laplacePrior(double location, double scale) {
        return new LaplacePrior() {
            @Override
            public double location(int i) {
                return location;
            }

            @Override
            public double scale(int i) {
                return scale;
            }

            @Override
            public int dimension() {
                return 0;
            }

            @Override
            public double logDensity(double[] theta) {
                return -Math.log(2 * scale) - Math.abs(theta[0] - location) / scale;
            }

            @Override
            public double[] gradient(double[] theta, double[] gradient) {
                gradient[0] = -Math.signum(theta[0] - location) / scale;
                return gradient;
            }

            @Override
            public void sample(SplittableRandom random, double[] out) {
                out[0] = location + scale * (-Math.log1p(-random.nextDouble()) + Math.log1p(-random.nextDouble()));
            }
        };
    }

    /** The same prior seen only as a {@link Prior}: the task knows neither its centre nor its scale. */
    static Prior plain(Prior delegate) {
        return new Prior() {
            @Override
            public int dimension() {
                return delegate.dimension();
            }

            @Override
            public double logDensity(double[] theta) {
                return delegate.logDensity(theta);
            }

            @Override
            public double[] gradient(double[] theta, double[] gradient) {
                return delegate.gradient(theta, gradient);
            }

            @Override
            public void sample(SplittableRandom random, double[] out) {
                delegate.sample(random, out);
            }
        };
    }

    /** An exponential prior on mu > 0 (rate 1): support bounded below, log density -inf for mu <= 0. */
    static Prior exponentialPrior() {
        return new Prior() {
            @Override
            public int dimension() {
                return 0;
            }

            @Override
            public double logDensity(double[] theta) {
                return theta[0] > 0 ? -theta[0] : Double.NEGATIVE_INFINITY;
            }

            @Override
            public double[] gradient(double[] theta, double[] gradient) {
                gradient[0] = theta[0] > 0 ? -1 : 0;
                return gradient;
            }

            @Override
            public void sample(SplittableRandom random, double[] out) {
                out[0] = -Math.log1p(-random.nextDouble());
            }
        };
    }
}

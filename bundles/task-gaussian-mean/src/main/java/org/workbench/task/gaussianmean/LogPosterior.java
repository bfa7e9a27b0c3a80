package org.workbench.task.gaussianmean;

import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;

/**
 * The log posterior of the mean mu, up to a constant: log p(mu) + sum_i log p(x_i | mu), built only
 * from the prior's and the likelihood's log densities and gradients.
 *
 * <p>With a {@link GaussianLikelihood} the data enter through their sufficient statistics:
 * sum_i log p(x_i | mu) = -n (mu - xbar)^2 / (2 sigma^2) + const, so each evaluation costs O(1)
 * whatever n is, and carries no rounding noise proportional to n (evaluating n log p(xbar | mu)
 * would add about n * 1e-16 of noise to the log density). The constructor checks that the
 * likelihood's own log density has this shape for its declared variance. Any other likelihood is
 * summed over the observations, O(n) per evaluation. Not thread-safe (it reuses a one-element buffer).
 */
final class LogPosterior {
    private final Prior prior;
    private final Likelihood likelihood;
    private final double[] data;
    private final SampleSummary summary;
    private final boolean sufficient;
    private final double noiseVariance;
    private final double[] theta = new double[1];
    private final double[] gradient = new double[1];

    LogPosterior(Prior prior, Likelihood likelihood, double[] data, SampleSummary summary) {
        if (prior.dimension() > 1) {
            throw new IllegalArgumentException("the prior has " + prior.dimension()
                    + " coordinates but the mean mu is a single number; give the prior scalar parameters");
        }
        this.prior = prior;
        this.likelihood = likelihood;
        this.data = data;
        this.summary = summary;
        if (likelihood instanceof GaussianLikelihood g) {
            this.sufficient = true;
            this.noiseVariance = g.variance();
            checkGaussianShape(g);
        } else {
            this.sufficient = false;
            this.noiseVariance = Double.NaN;
        }
    }

    /** A Gaussian log density drops by exactly 1/2 one standard deviation from its centre. */
    private static void checkGaussianShape(GaussianLikelihood g) {
        double sd = Math.sqrt(g.variance());
        double drop = g.logDensity(0, 0) - g.logDensity(0, sd);
        double slope = g.gradient(0, sd);
        if (Math.abs(drop - 0.5) > 1e-8 || Math.abs(slope * sd + 1) > 1e-8) {
            throw new IllegalArgumentException("the likelihood says it is Gaussian with variance " + g.variance()
                    + " but its log density drops by " + drop + " (not 1/2) one standard deviation from the mean");
        }
    }

    /** Whether each evaluation uses the sufficient statistics (O(1)) rather than every observation (O(n)). */
    boolean usesSufficientStatistics() {
        return sufficient;
    }

    /** log p(mu); negative infinity outside the prior's support. */
    double logPrior(double mu) {
        theta[0] = mu;
        return prior.logDensity(theta);
    }

    /** sum_i log p(x_i | mu), up to a constant independent of mu; 0 without data. */
    double logLikelihood(double mu) {
        if (summary.n() == 0) {
            return 0;
        }
        if (sufficient) {
            double d = mu - summary.mean();
            return -summary.n() * d * d / (2 * noiseVariance);
        }
        double sum = 0;
        for (double x : data) {
            sum += likelihood.logDensity(x, mu);
        }
        return sum;
    }

    /** d/dmu of {@link #logLikelihood}. */
    double likelihoodGradient(double mu) {
        if (summary.n() == 0) {
            return 0;
        }
        if (sufficient) {
            return summary.n() * (summary.mean() - mu) / noiseVariance;
        }
        double sum = 0;
        for (double x : data) {
            sum += likelihood.gradient(x, mu);
        }
        return sum;
    }

    /**
     * The size of the terms summed into {@link #value} at {@code mu}: rounding leaves about 1e-16 times
     * this much noise in the log posterior, which bounds the accuracy any quadrature can reach.
     */
    double magnitude(double mu) {
        double prior = Math.abs(logPrior(mu));
        if (sufficient || summary.n() == 0) {
            return prior + Math.abs(logLikelihood(mu));
        }
        double sum = prior;
        for (double x : data) {
            sum += Math.abs(likelihood.logDensity(x, mu));
        }
        return sum;
    }

    /** log p(mu) + log p(D | mu), up to a constant. */
    double value(double mu) {
        double lp = logPrior(mu);
        return lp == Double.NEGATIVE_INFINITY ? lp : lp + logLikelihood(mu);
    }

    /** The derivative of {@link #value} (the prior's smallest subgradient at a kink). */
    double gradient(double mu) {
        theta[0] = mu;
        return prior.gradient(theta, gradient)[0] + likelihoodGradient(mu);
    }
}

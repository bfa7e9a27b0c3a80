package org.workbench.api.linear;

import java.util.Objects;

import org.workbench.api.Dataset;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;

/**
 * The posterior of the linear model y_i = w^T x_i + eps_i: a prior on w, a likelihood for each
 * observation given its prediction w^T x_i, and the training data. Immutable; the data are shared
 * read-only.
 *
 * @param data       N rows of p features and N targets
 * @param prior      the prior on w (its dimension is 0 or p)
 * @param likelihood the noise model of one observation
 */
public record RegressionPosterior(Dataset data, Prior prior, Likelihood likelihood) {
    public RegressionPosterior {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(likelihood, "likelihood");
        if (prior.dimension() != 0 && prior.dimension() != data.columns()) {
            throw new IllegalArgumentException("the prior has " + prior.dimension()
                    + " coordinates but the data have " + data.columns() + " features");
        }
    }

    /** p, the number of weights. */
    public int dimension() {
        return data.columns();
    }

    /**
     * log p(w) + sum_i log p(y_i | w^T x_i) with the components' normalised densities: the log
     * posterior up to the constant -log p(y | X). Reads {@code w} only.
     */
    public double logDensity(double[] w) {
        double logPrior = prior.logDensity(w);
        if (logPrior == Double.NEGATIVE_INFINITY) {
            return logPrior;
        }
        int n = data.rows();
        int p = data.columns();
        double[] x = data.features();
        double[] y = data.targets();
        double sum = logPrior;
        for (int i = 0; i < n; i++) {
            double prediction = 0;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                prediction += x[row + j] * w[j];
            }
            sum += likelihood.logDensity(y[i], prediction);
        }
        return sum;
    }

    /**
     * Writes the gradient of {@link #logDensity} at {@code w} into {@code gradient} and returns it
     * (a subgradient where the prior has a kink). Reads {@code w}; overwrites {@code gradient}.
     */
    public double[] gradient(double[] w, double[] gradient) {
        prior.gradient(w, gradient);
        int n = data.rows();
        int p = data.columns();
        double[] x = data.features();
        double[] y = data.targets();
        for (int i = 0; i < n; i++) {
            double prediction = 0;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                prediction += x[row + j] * w[j];
            }
            double g = likelihood.gradient(y[i], prediction);
            for (int j = 0; j < p; j++) {
                gradient[j] += g * x[row + j];
            }
        }
        return gradient;
    }
}

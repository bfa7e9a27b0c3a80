package org.workbench.api.bayes;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component of kind {@code likelihood}: the noise model of one observation given the model's
 * prediction for it. The task decides what the prediction is (mu for the mean model x = mu + eps,
 * w^T x for the linear model y = w^T x + eps).
 */
@ConsumerType
public interface Likelihood {
    /** The normalised log density of {@code observed} given {@code predicted}. */
    double logDensity(double observed, double predicted);

    /** The derivative of {@link #logDensity} with respect to {@code predicted}. */
    double gradient(double observed, double predicted);
}

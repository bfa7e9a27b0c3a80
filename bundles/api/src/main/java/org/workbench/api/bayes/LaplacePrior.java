package org.workbench.api.bayes;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A prior that is an independent Laplace distribution per coordinate,
 * p(w_i) = exp(-|w_i - mu_i| / tau) / (2 tau); MAP solvers and the Gibbs sampler use this form.
 */
@ConsumerType
public interface LaplacePrior extends Prior {
    /** The location mu of coordinate {@code i} (any {@code i} when {@link #dimension()} is 0). */
    double location(int i);

    /** The scale tau of coordinate {@code i}, positive. */
    double scale(int i);
}

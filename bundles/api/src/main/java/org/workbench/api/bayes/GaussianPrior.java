package org.workbench.api.bayes;

import org.osgi.annotation.versioning.ConsumerType;

/** A prior that is an independent Gaussian per coordinate; tasks use its conjugate forms. */
@ConsumerType
public interface GaussianPrior extends Prior {
    /** The mean of coordinate {@code i} (any {@code i} when {@link #dimension()} is 0). */
    double mean(int i);

    /** The variance of coordinate {@code i}, positive. */
    double variance(int i);
}

package org.workbench.api.linear;

import java.util.SplittableRandom;

import org.osgi.annotation.versioning.ConsumerType;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;

/**
 * A component of kind {@code sampler}: draws from a {@link RegressionPosterior} with several chains
 * and summarises the draws with their convergence diagnostics. Each call is independent.
 */
@ConsumerType
public interface PosteriorSampler {
    /** Whether this sampler can handle the pair (e.g. an exact Gibbs sampler needs a Laplace prior and Gaussian noise). */
    boolean supports(Prior prior, Likelihood likelihood);

    /**
     * Samples the posterior. All randomness comes from {@code random}, so equal streams give equal
     * summaries.
     *
     * @param posterior the target; not modified
     * @param random    the source of randomness; advanced (split) by this call
     * @throws IllegalArgumentException when {@link #supports} is false for the posterior's prior and likelihood
     */
    PosteriorSummary sample(RegressionPosterior posterior, SplittableRandom random);
}

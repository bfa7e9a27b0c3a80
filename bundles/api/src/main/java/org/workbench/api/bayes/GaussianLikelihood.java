package org.workbench.api.bayes;

import org.osgi.annotation.versioning.ConsumerType;

/** Gaussian noise with a known variance sigma^2; tasks use its conjugate forms. */
@ConsumerType
public interface GaussianLikelihood extends Likelihood {
    /** The noise variance sigma^2, positive. */
    double variance();
}

package org.workbench.api.bayes;

import java.util.SplittableRandom;

import org.osgi.annotation.versioning.ConsumerType;

/** A component of kind {@code prior}: a distribution over a parameter vector theta. */
@ConsumerType
public interface Prior {
    /**
     * The number of coordinates the prior's parameters fix, or 0 when its parameters are scalars
     * that apply to every coordinate of a theta of any length.
     */
    int dimension();

    /** The normalised log density log p(theta). Returns negative infinity outside the support. */
    double logDensity(double[] theta);

    /**
     * Writes the gradient of {@link #logDensity} at {@code theta} into {@code gradient} and returns it.
     * Where the density has a kink the value is a subgradient (the one of smallest norm).
     */
    double[] gradient(double[] theta, double[] gradient);

    /** Draws theta from the prior into {@code out} (its length is the dimension drawn). */
    void sample(SplittableRandom random, double[] out);
}

package org.workbench.likelihood.gaussian;

import org.workbench.api.bayes.GaussianLikelihood;

/** log N(observed; predicted, sigma^2) and its derivative in {@code predicted}. Immutable. */
final class GaussianNoise implements GaussianLikelihood {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final double variance;
    private final double logNormaliser;

    GaussianNoise(double variance) {
        if (!(variance > 0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("variance must be positive and finite, got " + variance);
        }
        this.variance = variance;
        this.logNormaliser = -0.5 * (LOG_2PI + Math.log(variance));
    }

    @Override
    public double variance() {
        return variance;
    }

    @Override
    public double logDensity(double observed, double predicted) {
        double r = observed - predicted;
        return logNormaliser - 0.5 * r * r / variance;
    }

    @Override
    public double gradient(double observed, double predicted) {
        return (observed - predicted) / variance;
    }

    @Override
    public String toString() {
        return "N(0, " + variance + ")";
    }
}

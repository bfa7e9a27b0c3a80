package org.workbench.api.linear;

import java.util.Objects;

import org.workbench.api.Dataset;

/**
 * One simulated data set together with the truth that generated it.
 *
 * @param data          training rows (and a held-out test set when one was asked for)
 * @param weights       the true w (copied in and out)
 * @param noiseVariance the true noise variance sigma^2
 */
public record Simulation(Dataset data, double[] weights, double noiseVariance) {
    public Simulation {
        Objects.requireNonNull(data, "data");
        if (weights.length != data.columns()) {
            throw new IllegalArgumentException(weights.length + " weights for " + data.columns() + " features");
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}

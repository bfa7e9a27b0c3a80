package org.workbench.data.basic;

import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;

/**
 * Draws x_i = mean + stddev * z_i with z_i standard normal, the i-th value of one random stream,
 * so every {@link #load()} returns the same sample for the same seed and a sample of n is the
 * first n values of a longer one. With {@code nested} the stream's seed is
 * {@link ComponentContext#seedAcross(String...) shared across a sweep over n, mean or stddev}
 * (common random numbers: the samples along the sweep are nested, or shifted and scaled copies of
 * one another); otherwise every point draws afresh. The run keeps the sample as an input.
 */
final class GaussianSample implements DataSource {
    private final int n;
    private final double mean;
    private final double stddev;
    private final long seed;
    private final ComponentContext context;

    GaussianSample(int n, double mean, double stddev, long seed, ComponentContext context) {
        this.n = n;
        this.mean = mean;
        this.stddev = stddev;
        this.seed = seed;
        this.context = context;
    }

    @Override
    public Dataset load() {
        var random = new java.util.SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + stddev * random.nextGaussian();
        }
        Dataset sample = Dataset.values(x);
        context.generated("sample", sample);
        return sample;
    }
}

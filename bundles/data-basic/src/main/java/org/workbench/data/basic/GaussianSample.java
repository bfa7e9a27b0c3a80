package org.workbench.data.basic;

import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;

/**
 * Draws x_i = mean + stddev * z_i with z_i standard normal from the component's own random stream,
 * so every {@link #load()} returns the same sample for the same seed; the run keeps it as an input.
 */
final class GaussianSample implements DataSource {
    private final int n;
    private final double mean;
    private final double stddev;
    private final ComponentContext context;

    GaussianSample(int n, double mean, double stddev, ComponentContext context) {
        this.n = n;
        this.mean = mean;
        this.stddev = stddev;
        this.context = context;
    }

    @Override
    public Dataset load() {
        var random = context.random();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + stddev * random.nextGaussian();
        }
        Dataset sample = Dataset.values(x);
        context.generated("sample", sample);
        return sample;
    }
}

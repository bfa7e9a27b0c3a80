package org.workbench.data.lineargaussian;

import java.util.List;
import java.util.SplittableRandom;

import org.workbench.api.ComponentContext;
import org.workbench.api.Dataset;
import org.workbench.api.bayes.Prior;
import org.workbench.api.linear.SimulatedRegression;
import org.workbench.api.linear.Simulation;

/**
 * Draws w (fixed, or from the prior), then the training rows, then the test rows, all from one
 * stream: x_ij ~ N(0, 1) independently, y_i = w^T x_i + sigma eps_i. The training rows of n are
 * therefore the first n rows of a longer sample from the same seed. When {@code nested}, the
 * component's own {@link #simulation()} draws its test rows from a second stream of the seed, so
 * that along a sweep over n (which shares the seed) the test set stays the same too. Immutable
 * apart from the memoised {@link #simulation()}, whose weights and data the run keeps as inputs;
 * safe to share between threads.
 */
final class LinearGaussianData implements SimulatedRegression {
    private final int n;
    private final int p;
    private final double noiseVariance;
    private final double[] fixedWeights;
    private final Prior prior;
    private final int testSize;
    private final long seed;
    private final boolean nested;
    private final ComponentContext context;
    private Simulation simulation;

    /** @param seed the seed of the component's own simulation (shared along a sweep over n when nested) */
    LinearGaussianData(int n, int p, double noiseVariance, double[] fixedWeights, Prior prior, int testSize,
            ComponentContext context, long seed, boolean nested) {
        this.nested = nested;
        this.n = n;
        this.p = p;
        this.noiseVariance = noiseVariance;
        this.fixedWeights = fixedWeights == null ? null : fixedWeights.clone();
        this.prior = prior;
        this.testSize = testSize;
        this.seed = seed;
        this.context = context;
    }

    @Override
    public Dataset load() {
        return simulation().data();
    }

    @Override
    public synchronized Simulation simulation() {
        if (simulation == null) {
            if (nested && testSize > 0) {
                Simulation train = simulate(new SplittableRandom(seed), 0);
                double[] weights = train.weights();
                simulation = new Simulation(train.data().withTest(rows(new SplittableRandom(~seed), testSize, weights)), weights,
                        noiseVariance);
            } else {
                simulation = simulate(new SplittableRandom(seed), testSize);
            }
            double[] w = simulation.weights();
            context.generated("w", List.of("w"), p, (row, column) -> w[row]);
            context.generated("data", simulation.data());
        }
        return simulation;
    }

    @Override
    public Simulation simulate(SplittableRandom random, int testRows) {
        double[] w = new double[p];
        if (fixedWeights != null) {
            System.arraycopy(fixedWeights, 0, w, 0, p);
        } else {
            prior.sample(random, w);
        }
        Dataset train = rows(random, n, w);
        Dataset data = testRows > 0 ? train.withTest(rows(random, testRows, w)) : train;
        return new Simulation(data, w, noiseVariance);
    }

    private Dataset rows(SplittableRandom random, int count, double[] w) {
        double[] x = new double[count * p];
        double[] y = new double[count];
        double sigma = Math.sqrt(noiseVariance);
        for (int i = 0; i < count; i++) {
            double mean = 0;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                double v = random.nextGaussian();
                x[row + j] = v;
                mean += v * w[j];
            }
            y[i] = mean + sigma * random.nextGaussian();
        }
        return Dataset.of(count, p, x, y);
    }
}

package org.workbench.benchmarks;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.workbench.api.Dataset;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.api.testing.BayesDoubles;
import org.workbench.diagnostics.PosteriorSummaries;
import org.workbench.sampler.gibbslaplace.GibbsLaplaceProvider;

/**
 * Problem 2's exact Gibbs sampler at N = 1000, p = 100 (X ~ N(0, 1), 20% of w nonzero, sigma = 1,
 * Laplace prior at 0 with tau = 0.1; numpy: {@code benchmarks/anchors/gibbs_numpy.py}, the same
 * data law and sampler). {@code sampler}: one chain of {@code draws} iterations with its
 * diagnostics, as a run does; {@code diagnostics}: the rank-normalised split R-hat, bulk and tail
 * ESS and MCSE of every coordinate of as many draws (an AR(1) chain of each coordinate, correlation
 * 0.3: the lasso posterior's Gibbs draws mix about as fast). The chain alone is their difference.
 * Seconds per call; iterations per second of the chain = draws / (sampler - diagnostics).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GibbsBenchmark {
    @Param({"22000"})
    public int draws;

    private static final int N = 1000;
    private static final int P = 100;
    private RegressionPosterior posterior;
    private PosteriorSampler sampler;
    private double[][] chains;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[N * P];
        double[] w = new double[P];
        for (int j = 0; j < P; j++) {
            w[j] = random.nextDouble() < 0.2 ? random.nextGaussian() : 0;
        }
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < P; j++) {
                x[i * P + j] = random.nextGaussian();
                y[i] += x[i * P + j] * w[j];
            }
            y[i] += random.nextGaussian();
        }
        posterior = new RegressionPosterior(Dataset.of(N, P, x, y), BayesDoubles.laplace(new double[P], 0.1),
                BayesDoubles.gaussian(1.0));
        sampler = Components.create(new GibbsLaplaceProvider(), Map.of("iterations", (long) draws, "burnIn", 0L,
                "chains", 1L), 2);
        chains = new double[1][draws * P];
        for (int j = 0; j < P; j++) {
            double v = 0;
            for (int t = 0; t < draws; t++) {
                v = 0.3 * v + random.nextGaussian();
                chains[0][t * P + j] = v;
            }
        }
    }

    @Benchmark
    public PosteriorSummary sampler() {
        return sampler.sample(posterior, new SplittableRandom(3));
    }

    @Benchmark
    public PosteriorSummary diagnostics() {
        return PosteriorSummaries.of(chains, chains, P, 1.0);
    }
}

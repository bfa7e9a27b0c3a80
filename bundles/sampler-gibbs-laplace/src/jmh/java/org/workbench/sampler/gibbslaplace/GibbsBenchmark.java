package org.workbench.sampler.gibbslaplace;

import java.nio.file.Path;
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
import org.workbench.api.Parameters;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.api.testing.BayesDoubles;
import org.workbench.api.testing.TestContext;
import org.workbench.diagnostics.DiagnosticsWarmUp;
import org.workbench.diagnostics.PosteriorSummaries;

/**
 * Problem 2's exact Gibbs sampler at N = 1000, p = 100 (X ~ N(0, 1), 20% of w nonzero, sigma = 1,
 * Laplace prior at 0 with tau = 0.1), one chain of {@code draws} iterations, no burn-in:
 * <ul>
 * <li>{@code sampler}: the whole sampler made through its provider, as a run calls it (the chain,
 * then its diagnostics);</li>
 * <li>{@code chain}: the chain alone, the work of {@code benchmarks/anchors/gibbs_numpy.py} (X^T X and
 * X^T y once, then per iteration p inverse-Gaussian draws, the Cholesky factor of X^T X + diag(1/s),
 * the triangular solves for the conditional mean and the draw, and both kept); this class lives in
 * the sampler's package to reach the chain without its diagnostics;</li>
 * <li>{@code diagnostics}: the diagnostics of that chain's real output (R-hat, bulk and tail ESS of
 * the draws, mean and MCSE of the conditional means, every coordinate), as the sampler computes them:
 * after a chain that ran beside the diagnostics' JIT warm-up ({@link DiagnosticsWarmUp}) with
 * {@code -p warmUp=true}, which also runs {@code chain} beside it.</li>
 * </ul>
 * Seconds per call. Iterations per second of the chain = draws / chain. In a fresh JVM
 * ({@code -f 5 -wi 0 -i 1}) each figure is the cold cost that a run sees once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class GibbsBenchmark {
    @Param({"22000"})
    public int draws;

    /**
     * Whether {@code chain} (and the chain before {@code diagnostics}) runs with the diagnostics' JIT
     * warm-up beside it, forced on whatever the load; the sampler starts it only on an idle core.
     */
    @Param({"false"})
    public boolean warmUp;

    private static final int N = 1000;
    private static final int P = 100;
    private RegressionPosterior posterior;
    private PosteriorSampler sampler;
    private double[][] chainDraws;
    private double[][] chainMeans;

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
        GibbsLaplaceProvider provider = new GibbsLaplaceProvider();
        sampler = provider.create(Parameters.withDefaults(provider.parameters(),
                        Map.of("iterations", (long) draws, "burnIn", 0L, "chains", 1L)),
                new TestContext("benchmark", 2, Path.of(System.getProperty("java.io.tmpdir"))));
        chainDraws = new double[1][draws * P];
        chainMeans = new double[1][draws * P];
        runChain(chainDraws, chainMeans);
    }

    private void runChain(double[][] into, double[][] means) {
        GibbsLaplaceSampler.Model model = new GibbsLaplaceSampler.Model(posterior);
        try (DiagnosticsWarmUp beside = warmUp ? DiagnosticsWarmUp.start(1) : null) {
            new GibbsLaplaceSampler.Chain(model, new SplittableRandom(3), Cholesky.fastest()).run(0, draws, into[0], means[0]);
        }
    }

    @Benchmark
    public PosteriorSummary sampler() {
        return sampler.sample(posterior, new SplittableRandom(3));
    }

    @Benchmark
    public double[][] chain() {
        double[][] into = new double[1][draws * P];
        double[][] means = new double[1][draws * P];
        runChain(into, means);
        return means;
    }

    @Benchmark
    public PosteriorSummary diagnostics() {
        return PosteriorSummaries.of(chainDraws, chainMeans, P, 1.0);
    }
}

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.workbench.api.Dataset;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;
import org.workbench.optimizer.lasso.CoordinateDescentProvider;

/**
 * The MAP of problem 2 by coordinate descent at N = 10,000, p = 1,000, drawn as the anchors'
 * {@code lasso_map.py} draws it (X ~ N(0, 1), 20% of w Laplace(0, 1), sigma = 1, mu = 0; with
 * Java's random numbers, so not the very same X), for each tau of its grid, at a fixed
 * {@code tolerance} (the certified duality gap relative to max(1, objective)); the gap of the last
 * fit is printed as a JSON line. Seconds per fit. The comparison with scikit-learn at an equal gap,
 * on the same X and y, is {@code benchmarks/anchors/lasso_equal_gap.py} (through {@link LassoAtGap}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LassoBenchmark {
    @Param({"0.001", "0.01", "0.1", "1.0"})
    public double tau;

    @Param({"1e-11"})
    public double tolerance;

    private LassoProblem problem;
    private MapSolver solver;

    @Setup
    public void setUp() {
        int n = 10_000;
        int p = 1_000;
        SplittableRandom random = new SplittableRandom(0);
        double[] x = new double[n * p];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = random.nextDouble() < 0.2 ? laplace(random) : 0;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = random.nextGaussian();
            for (int j = 0; j < p; j++) {
                s += x[i * p + j] * w[j];
            }
            y[i] = s;
        }
        double[] scale = new double[p];
        java.util.Arrays.fill(scale, tau);
        problem = LassoProblem.of(Dataset.of(n, p, x, y), 1.0, new double[p], scale);
        solver = Components.create(new CoordinateDescentProvider(), Map.of("tolerance", tolerance), 0);
    }

    private static double laplace(SplittableRandom random) {
        double u = random.nextDouble() - 0.5;
        return -Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }

    private MapEstimate last;

    @Benchmark
    public MapEstimate fit() {
        last = solver.solve(problem, null);
        return last;
    }

    /** The accuracy reached (objective and certified duality gap, in the units of lasso_map.py's), for the side-by-side table. */
    @TearDown
    public void report() {
        if (last != null) {
            System.out.printf(java.util.Locale.ROOT, "{\"kind\":\"cd_fit\",\"tau\":%s,\"passes\":%d,\"objective\":%.10f,"
                    + "\"duality_gap\":%.3g}%n", tau, last.iterations(), last.objective(), last.dualityGap());
        }
    }
}

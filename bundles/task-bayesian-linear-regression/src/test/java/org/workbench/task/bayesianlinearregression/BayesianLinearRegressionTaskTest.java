package org.workbench.task.bayesianlinearregression;

import org.workbench.api.testing.BayesDoubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.ResultTree;
import org.workbench.api.Task;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.linear.MapSolver;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.api.linear.SimulatedRegression;
import org.workbench.api.testing.ProviderContract;
import org.workbench.api.testing.TestContext;
import org.workbench.api.testing.DeclaredResultKeys;
import org.workbench.api.testing.TestTaskContext;
import org.workbench.data.lineargaussian.LinearGaussianProvider;
import org.workbench.optimizer.lasso.CoordinateDescentProvider;
import org.workbench.sampler.gibbslaplace.GibbsLaplaceProvider;

/** The task on real solver, sampler and data components with test doubles for the prior and likelihood. */
class BayesianLinearRegressionTaskTest extends ProviderContract<Task> {
    @TempDir
    Path folder;

    @Override
    protected Provider<Task> provider() {
        return new BayesianLinearRegressionProvider();
    }

    private static <T> T create(Provider<T> provider, Map<String, Object> with, TestContext context) {
        return provider.create(Parameters.withDefaults(provider.parameters(), with), context);
    }

    /** A run context: prior Laplace(mu, tau), noise sigma^2, simulated data of n x p. */
    private TestTaskContext context(Map<String, Object> taskWith, double[] mu, double tau, double sigma2, int n,
            Map<String, Object> samplerWith) {
        return context(taskWith, mu, tau, sigma2, n, samplerWith, Map.of());
    }

    private TestTaskContext context(Map<String, Object> taskWith, double[] mu, double tau, double sigma2, int n,
            Map<String, Object> samplerWith, Map<String, Object> moreDataWith) {
        LaplacePrior prior = BayesDoubles.laplace(mu, tau);
        GaussianLikelihood likelihood = BayesDoubles.gaussian(sigma2);
        Map<String, Object> dataWith = new HashMap<>(Map.of("n", (long) n, "p", (long) mu.length, "noiseVariance", sigma2));
        dataWith.putAll(moreDataWith);
        SimulatedRegression data = create(new LinearGaussianProvider(), dataWith,
                new TestContext("data", 7L, folder).withPeer("prior", prior));
        MapSolver solver = create(new CoordinateDescentProvider(), Map.of("tolerance", 1e-13), new TestContext("optimizer", 8L, folder));
        TestTaskContext context = new TestTaskContext(99L,
                Parameters.withDefaults(BayesianLinearRegressionProvider.PARAMETERS, taskWith), folder)
                .with("data", data).with("prior", prior).with("likelihood", likelihood).with("optimizer", solver);
        if (samplerWith != null) {
            context.with("sampler", create(new GibbsLaplaceProvider(), samplerWith, new TestContext("sampler", 9L, folder)));
        }
        return context;
    }

    private static Task task(TestTaskContext context) {
        return new BayesianLinearRegressionProvider().create(context.parameters(), context);
    }

    /** Small runs that together reach every optional key: a sampler and a test set, a tau path, both studies. */
    @Test
    void theDeclaredResultKeysAreTheKeysItWrites() throws Exception {
        double[] mu = {0.5, -0.5, 0};
        Map<String, Object> sampler = Map.of("iterations", 200L, "burnIn", 50L, "chains", 2L);
        java.util.List<ResultTree> runs = new java.util.ArrayList<>();
        for (TestTaskContext c : java.util.List.of(
                context(Map.of(), mu, 0.3, 0.8, 20, sampler, Map.of("testSize", 10L)),
                context(Map.of("tauGrid", new double[] {0.01, 1}), mu, 0.3, 0.8, 20, null),
                context(Map.of("replications", 4L, "testSize", 10L), mu, 0.3, 0.8, 10, sampler),
                context(Map.of("expertReplications", 4L, "expertTauGrid", new double[] {0.01, 1}), mu, 0.3, 0.8, 10, null))) {
            task(c).run(c);
            runs.add(c.results());
        }
        DeclaredResultKeys.assertMatch(new BayesianLinearRegressionProvider(), runs);
        org.workbench.api.testing.DeclaredLayout.assertMatch(new BayesianLinearRegressionProvider(), runs);
    }

    @Test
    void writesMapLambdaLogPosteriorAndPosteriorMeanWithDiagnostics() throws Exception {
        double[] mu = {0.5, -0.5, 0, 1};
        TestTaskContext context = context(Map.of(), mu, 0.3, 0.8, 40, Map.of("iterations", 1000L, "burnIn", 200L));
        task(context).run(context);
        ResultTree r = context.results();
        assertEquals(0.8 / 0.3, r.number("lambda"), 1e-12);
        assertEquals(0.8 / 0.3 / 40, r.number("lassoAlpha"), 1e-12);
        double[] map = (double[]) r.get("map.w");
        assertEquals(4, map.length);
        assertEquals(-r.number("map.objective"), r.number("logPosterior.map"), 1e-12);
        SimulatedRegression data = context.component("data", SimulatedRegression.class);
        RegressionPosterior posterior = new RegressionPosterior(data.load(), context.component("prior", LaplacePrior.class),
                context.component("likelihood", GaussianLikelihood.class));
        assertEquals(posterior.logDensity(map), r.number("logPosterior.map") + r.number("logPosterior.constantOfLogJoint"), 1e-9);
        assertTrue(r.number("logPosterior.map") >= r.number("logPosterior.posteriorMean"), "the MAP maximises the log posterior");
        assertTrue(r.number("logPosterior.map") >= r.number("logPosterior.truth"));
        double[] rhat = (double[]) r.get("diagnostics.rhat");
        double[] mcse = (double[]) r.get("posteriorMean.mcse");
        assertNotNull(mcse, "the Monte Carlo error of an estimate that does not vary is 0, not NaN");
        assertNotNull(r.get("posteriorMean.w"));
        assertNotNull(r.get("diagnostics.ess"));
        for (int j = 0; j < 4; j++) {
            assertTrue(rhat[j] < 1.05 && mcse[j] > 0, "rhat " + rhat[j] + " mcse " + mcse[j]);
        }
    }

    /**
     * No observations (n = 0): the posterior is the prior, Laplace(mu, tau) in each coordinate, so the
     * MAP is exactly the prior's location mu and the posterior mean is mu (checked within five Monte
     * Carlo standard errors); the MAP objective is 0 and lassoAlpha (lambda / N) is undefined.
     */
    @Test
    void withoutObservationsTheMapIsThePriorsLocationAndThePosteriorMeanItsMean() throws Exception {
        double[] mu = {0.5, -0.5, 0, 1};
        TestTaskContext context = context(Map.of(), mu, 0.3, 0.8, 0, Map.of("iterations", 2000L, "burnIn", 200L));
        task(context).run(context);
        ResultTree r = context.results();
        assertEquals(0L, r.get("n"));
        assertEquals(0.8 / 0.3, r.number("lambda"), 1e-12);
        assertTrue(r.contains("lassoAlpha") && r.get("lassoAlpha") == null, "lambda / N is undefined for N = 0");
        assertTrue(String.valueOf(r.get("lassoAlpha" + ResultTree.REASON_SUFFIX)).contains("n = 0"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(mu, (double[]) r.get("map.w"), 0.0);
        assertEquals(0.0, r.number("map.objective"), 0.0);
        assertEquals((long) mu.length, r.get("map.entriesAtLocation"));
        double[] mean = (double[]) r.get("posteriorMean.w");
        double[] mcse = (double[]) r.get("posteriorMean.mcse");
        assertNotNull(mcse, "the Monte Carlo error of an estimate that does not vary is 0, not NaN");
        for (int j = 0; j < mu.length; j++) {
            // the conditional means of w given the latent scales are all mu without data: the Rao-Blackwellised
            // posterior mean is mu exactly, with no Monte Carlo error
            assertEquals(mu[j], mean[j], 5 * mcse[j] + 1e-15, "coordinate " + j);
        }
        assertEquals(-mu.length * Math.log(2 * 0.3), r.number("logPosterior.constantOfLogJoint"), 1e-12);
    }

    @Test
    void tauPathCollapsesToTheLocationBelowTauCritical() throws Exception {
        double[] mu = {1, -1, 0.5};
        TestTaskContext context = context(Map.of("tauGrid", new double[] {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3}),
                mu, 0.5, 1.0, 30, null);
        task(context).run(context);
        ResultTree r = context.results();
        double critical = r.number("tauCritical");
        double[] grid = (double[]) r.get("tauPath.tau");
        double[][] w = (double[][]) r.get("tauPath.w");
        double[] atLocation = (double[]) r.get("tauPath.entriesAtLocation");
        for (int i = 0; i < grid.length; i++) {
            if (grid[i] <= critical) {
                assertEquals(3, atLocation[i], "tau " + grid[i] + " <= tau_critical " + critical);
                for (int j = 0; j < 3; j++) {
                    assertEquals(mu[j], w[i][j], 0.0);
                }
            }
        }
        assertTrue(atLocation[grid.length - 1] < 3, "the largest tau leaves mu");
        assertEquals(1, context.plots().size());
        assertEquals("coefficient-path", context.plots().get(0).name());
    }

    @Test
    void studyDoesNotDependOnThreadCountAndFavoursThePosteriorMean() throws Exception {
        Map<String, Object> with = Map.of("replications", 60L, "testSize", 500L);
        Map<String, Object> sampler = Map.of("iterations", 400L, "burnIn", 100L, "chains", 2L);
        double[] mu = new double[5];
        TestTaskContext one = context(with, mu, 0.5, 1.0, 15, sampler);
        TestTaskContext three = context(with, mu, 0.5, 1.0, 15, sampler);
        new ForkJoinPool(1).submit(() -> {
            task(one).run(one);
            return null;
        }).get();
        new ForkJoinPool(3).submit(() -> {
            task(three).run(three);
            return null;
        }).get();
        for (String key : new String[] {"study.testMse.map.mean", "study.testMse.posteriorMean.mean",
                "study.difference.mean", "study.difference.stderr"}) {
            assertEquals(one.results().number(key), three.results().number(key), 0.0, key);
        }
        ResultTree r = one.results();
        assertTrue(r.number("study.parameterError.difference.mean") > 0,
                "E||w_MAP - w||^2 exceeds E||w_mean - w||^2: " + r.number("study.parameterError.difference.mean"));
        assertEquals("study-test-mse", one.plots().get(0).name());
    }

    @Test
    void expertPriorStudyComparesFourEstimatorsAcrossTauCritical() throws Exception {
        double[] v = {1.2, -1.8, 0.3, 0.2, 2.5, -1};
        Map<String, Object> with = Map.of("expertReplications", 60L, "expertTauGrid", new double[] {0.001, 0.2, 1e6},
                "expertSpread", 0.2);
        TestTaskContext context = context(with, v, 0.1, 4.0, 12, null);
        task(context).run(context);
        ResultTree r = context.results();
        assertEquals(60L, r.get("expertStudy.replications"));
        java.util.List<?> byTau = (java.util.List<?>) r.get("expertStudy.byTau");
        ResultTree small = (ResultTree) byTau.get(0);
        ResultTree middle = (ResultTree) byTau.get(1);
        ResultTree flat = (ResultTree) byTau.get(2);
        assertTrue(r.number("expertStudy.tauCritical.min") > 0.001, "tau = 0.001 is below every tau_critical");
        assertTrue(r.number("expertStudy.tauCritical.max") < 1e6);
        assertEquals(1.0, small.number("laplaceAtVExactlyV"), 0.0, "below tau_critical the MAP is exactly v");
        assertEquals(0.0, flat.number("laplaceAtVExactlyV"), 0.0);
        // E||v - w||^2 = p * 2 * spread^2 when w_j - v_j ~ Laplace(0, spread)
        assertEquals(6 * 2 * 0.04, small.number("laplaceAtV.mean"), 5 * small.number("laplaceAtV.stderr"));
        for (String e : new String[] {"laplaceAtV", "laplaceAtZero", "gaussianAtV"}) {
            assertEquals(flat.number("leastSquares.mean"), flat.number(e + ".mean"), 1e-3 * flat.number("leastSquares.mean"),
                    e + " with a flat prior is least squares");
        }
        assertTrue(middle.number("laplaceAtV.mean") + 3 * middle.number("laplaceAtV.stderr")
                < middle.number("leastSquares.mean"), "the expert's prior beats least squares at tau = spread");
        assertTrue(middle.number("laplaceAtZero.mean") > middle.number("leastSquares.mean"),
                "a prior centred at 0 pulls towards the wrong place");
        assertNotNull(context.plots().stream().filter(p -> p.name().equals("expert-prior-error")).findFirst().orElse(null));
    }

    /** 2.4's printed objective drops the square: the task's objective is 1/(2 sigma^2)||Xw - y||_2^2 + ||w - mu||_1 / tau. */
    @Test
    void theObjectiveSquaresTheResidualNorm() throws Exception {
        double[] mu = {0.5, -0.5, 0, 1};
        TestTaskContext context = context(Map.of(), mu, 0.3, 0.8, 40, null);
        task(context).run(context);
        ResultTree r = context.results();
        double[] w = (double[]) r.get("map.w");
        org.workbench.api.Dataset d = context.component("data", SimulatedRegression.class).load();
        double squared = 0;
        for (int i = 0; i < d.rows(); i++) {
            double residual = -d.targets()[i];
            for (int j = 0; j < w.length; j++) {
                residual += d.x(i, j) * w[j];
            }
            squared += residual * residual;
        }
        double l1 = 0;
        for (int j = 0; j < w.length; j++) {
            l1 += Math.abs(w[j] - mu[j]);
        }
        double expected = squared / (2 * 0.8) + l1 / 0.3;
        assertEquals(expected, r.number("map.objective"), 1e-12 * expected);
        assertTrue(Math.abs(Math.sqrt(squared) / (2 * 0.8) + l1 / 0.3 - expected) > 1e-3,
                "the unsquared norm would give another value");
    }
}

package org.workbench.task.gaussianmean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workbench.task.gaussianmean.Components.exponentialPrior;
import static org.workbench.task.gaussianmean.Components.gaussianLikelihood;
import static org.workbench.task.gaussianmean.Components.gaussianPrior;
import static org.workbench.task.gaussianmean.Components.gaussianSample;
import static org.workbench.task.gaussianmean.Components.laplacePrior;
import static org.workbench.task.gaussianmean.Components.plain;
import static org.workbench.task.gaussianmean.Components.values;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Plot;
import org.workbench.api.Provider;
import org.workbench.api.ResultTree;
import org.workbench.api.Task;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;
import org.workbench.api.testing.DeclaredResultKeys;
import org.workbench.api.testing.ProviderContract;
import org.workbench.api.testing.TestTaskContext;

/**
 * Problem 1 against closed forms, an independent Monte Carlo estimate and brute-force integration.
 * Tolerances are stated per test: 1e-8 relative between closed form and quadrature (the task's
 * quadrature aims at 1e-12), five standard errors for Monte Carlo.
 */
class GaussianMeanTaskTest extends ProviderContract<Task> {
    private final GaussianMeanTaskProvider provider = new GaussianMeanTaskProvider();

    @TempDir
    Path folder;

    @Override
    protected Provider<Task> provider() {
        return provider;
    }

    private TestTaskContext run(DataSource data, Prior prior, Likelihood likelihood, Map<String, Object> with)
            throws Exception {
        TestTaskContext context = new TestTaskContext(181, Parameters.withDefaults(provider.parameters(), with), folder)
                .with("data", data).with("prior", prior).with("likelihood", likelihood);
        provider.create(context.parameters(), context).run(context);
        return context;
    }

    private ResultTree results(DataSource data, Prior prior, Likelihood likelihood) throws Exception {
        return run(data, prior, likelihood, Map.of("plots", false)).results();
    }

    private static double number(ResultTree r, String key) {
        Double v = r.number(key);
        if (v == null) {
            throw new AssertionError("no number at " + key + " in " + r);
        }
        return v;
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(Math.abs(expected), Double.MIN_NORMAL), what);
    }

    @Test
    void theDeclaredResultKeysAreTheKeysItWrites() throws Exception {
        double[] x = {0.4, -1.3, 2.2};
        DeclaredResultKeys.assertMatch(provider, List.of(
                results(values(x), gaussianPrior(0, 2), gaussianLikelihood(1.5)),
                results(values(x), laplacePrior(0, 1), gaussianLikelihood(1.5))));
    }

    @Test
    void rolesAreDataPriorLikelihood() {
        assertEquals(List.of("data", "prior", "likelihood"), provider.roles().stream().map(r -> r.name()).toList());
    }

    @Test
    void conjugateResultsFollowTheHomeworkFormulas() throws Exception {
        double tau2 = 4;
        double sigma2 = 1.5;
        double[] x = {1.2, 0.4, 2.9, 1.0, -0.3};
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double xbar = sum / n;
        ResultTree r = results(values(x), gaussianPrior(0, tau2), gaussianLikelihood(sigma2));
        assertEquals("conjugate", r.get("method"));
        assertEquals(5L, r.get("n"));
        assertEquals(sum, number(r, "sum"), 1e-15);
        assertEquals(xbar, number(r, "mle"), 1e-15);
        assertEquals(n * tau2 * xbar / (sigma2 + n * tau2), number(r, "posterior.mean"), 1e-14);
        assertEquals(1 / (1 / tau2 + n / sigma2), number(r, "posterior.variance"), 1e-14);
        assertEquals(tau2 * n * xbar / (tau2 * n + sigma2), number(r, "map"), 1e-14);
        // Equation (1) of the homework.
        assertEquals(sum / (n + sigma2 / tau2), number(r, "predictive.mean"), 1e-14);
        assertEquals(1 / (n / sigma2 + 1 / tau2) + sigma2, number(r, "predictive.variance"), 1e-14);
        assertEquals(xbar, number(r, "pluginMle.mean"), 1e-15);
        assertEquals(sigma2, number(r, "pluginMle.variance"), 0.0);
        assertEquals(number(r, "map"), number(r, "pluginMap.mean"), 0.0);
        assertEquals(sigma2, number(r, "pluginMap.variance"), 0.0);
        // 2c: the MAP equals the mean of x|D.
        assertEquals(0.0, number(r, "mapMinusPredictiveMean"), 1e-15);
        assertEquals(number(r, "map") / xbar, number(r, "ratioMapOverMle"), 1e-14);
    }

    @Test
    void quadratureAgreesWithTheClosedFormToOneInTenToTheEight() throws Exception {
        for (int n : new int[] {0, 1, 3, 10, 1000, 100_000, 1_000_000}) {
            double[] x = gaussianSample(n, 1.5, 2.0, n);
            ResultTree r = results(values(x), gaussianPrior(-0.7, 2.5), gaussianLikelihood(4.0));
            String at = "n = " + n;
            double sd = Math.sqrt(number(r, "posterior.variance"));
            assertEquals(number(r, "posterior.mean"), number(r, "quadrature.mean"), 1e-8 * sd, at);
            assertRelative(number(r, "posterior.variance"), number(r, "quadrature.variance"), 1e-8, at);
            assertEquals(number(r, "map"), number(r, "quadrature.map"), 1e-10 * sd, at);
            assertTrue(number(r, "quadrature.maxAbsDifference") < 1e-8 * Math.max(sd, 1), at);
            assertEquals(Boolean.TRUE, r.get("quadrature.converged"), at);
            assertTrue(number(r, "quadrature.estimatedRelativeError") <= 1e-12, at);
        }
    }

    @Test
    void aGaussianPriorSeenOnlyAsAPriorTakesTheQuadraturePathAndMatchesTheClosedForm() throws Exception {
        double[] x = gaussianSample(40, -2.0, 1.0, 5);
        ResultTree conjugate = results(values(x), gaussianPrior(1.0, 0.5), gaussianLikelihood(1.0));
        ResultTree numeric = results(values(x), plain(gaussianPrior(1.0, 0.5)), gaussianLikelihood(1.0));
        assertEquals("quadrature", numeric.get("method"));
        for (String key : new String[] {"map", "posterior.mean", "posterior.variance", "predictive.mean",
                "predictive.variance", "pluginMap.mean"}) {
            assertRelative(number(conjugate, key), number(numeric, key), 1e-8, key);
        }
        assertFalse(numeric.contains("quadrature.maxAbsDifference"));
    }

    @Test
    void aGenericLikelihoodIsSummedPerPointAndItsMleFoundByTheOptimiser() throws Exception {
        double[] x = gaussianSample(25, 0.8, 1.3, 9);
        double sigma2 = 1.69;
        ResultTree reference = results(values(x), gaussianPrior(0, 1), gaussianLikelihood(sigma2));
        ResultTree r = results(values(x), gaussianPrior(0, 1), plain(gaussianLikelihood(sigma2)));
        assertEquals("quadrature", r.get("method"));
        assertEquals(number(reference, "mle"), number(r, "mle"), 1e-12);
        assertRelative(number(reference, "posterior.mean"), number(r, "posterior.mean"), 1e-8, "mean");
        assertRelative(number(reference, "posterior.variance"), number(r, "posterior.variance"), 1e-8, "variance");
        assertEquals(number(reference, "map"), number(r, "map"), 1e-12);
        assertTrue(r.contains("predictive.mean") && r.get("predictive.mean") == null);
        assertTrue(((String) r.get("predictive.meanReason")).contains("not Gaussian"));
    }

    @Test
    void posteriorPredictiveMatchesImportanceSampledMonteCarloWithinFiveStandardErrors() throws Exception {
        double mu0 = 0.5;
        double tau2 = 2.0;
        double sigma2 = 0.8;
        double[] x = {1.1, 2.3, 0.7};
        ResultTree r = results(values(x), gaussianPrior(mu0, tau2), gaussianLikelihood(sigma2));
        // Draw mu from the prior, weight by the likelihood, then x = mu + eps: no posterior formula used.
        SplittableRandom random = new SplittableRandom(2024);
        int m = 400_000;
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        double swxx = 0;
        for (int k = 0; k < m; k++) {
            double mu = mu0 + Math.sqrt(tau2) * random.nextGaussian();
            double logW = 0;
            for (double xi : x) {
                logW += -(xi - mu) * (xi - mu) / (2 * sigma2);
            }
            double w = Math.exp(logW);
            double draw = mu + Math.sqrt(sigma2) * random.nextGaussian();
            sw += w;
            sw2 += w * w;
            swx += w * draw;
            swxx += w * draw * draw;
        }
        double mean = swx / sw;
        double variance = swxx / sw - mean * mean;
        double ess = sw * sw / sw2;
        double predictiveVariance = number(r, "predictive.variance");
        assertTrue(ess > 10_000, "effective sample size " + ess);
        assertEquals(number(r, "predictive.mean"), mean, 5 * Math.sqrt(predictiveVariance / ess));
        assertEquals(predictiveVariance, variance, 5 * predictiveVariance * Math.sqrt(2 / ess));
    }

    @Test
    void asNGrowsTheRatioTendsToOneAndTheVarianceOfXGivenDFallsToSigmaSquared() throws Exception {
        double sigma2 = 2.0;
        double tau2 = 0.5;
        double previousVariance = Double.POSITIVE_INFINITY;
        double previousGap = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= 1_000_000; n *= 10) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1.5 + (i % 2 == 0 ? 0.25 : -0.25) * (n % 2 == 1 && i == n - 1 ? 0 : 1);
            }
            ResultTree r = results(values(x), gaussianPrior(0, tau2), gaussianLikelihood(sigma2));
            double ratio = number(r, "ratioMapOverMle");
            double variance = number(r, "predictive.variance");
            // MAP/MLE = 1 / (1 + sigma^2 / (n tau^2)) exactly for a zero-mean prior.
            assertEquals(1 / (1 + sigma2 / (n * tau2)), ratio, 1e-14, "n = " + n);
            assertTrue(1 - ratio < previousGap, "the ratio approaches 1 monotonically");
            assertTrue(variance < previousVariance, "Var(x|D) decreases with n");
            assertTrue(variance > number(r, "pluginMle.variance"), "2e: Var(x|D) > Var(x|mu_MLE) = sigma^2");
            assertEquals(variance - sigma2, number(r, "predictiveVarianceMinusPluginVariance"), 1e-14);
            previousGap = 1 - ratio;
            previousVariance = variance;
        }
        assertEquals(1.0, 1 - previousGap, 1e-5, "n = 10^6: MAP/MLE is 1 to 5 digits");
        assertEquals(sigma2, previousVariance, 1e-5, "n = 10^6: Var(x|D) is sigma^2 to 5 digits");
    }

    @Test
    void sumZeroGivesMleAndMapZeroAndAnUndefinedRatio() throws Exception {
        ResultTree r = results(values(-2, -1, 0.5, 2.5), gaussianPrior(0, 1), gaussianLikelihood(1));
        assertEquals(0L, r.get("signOfSum"));
        assertEquals(0.0, number(r, "mle"), 0.0);
        assertEquals(0.0, number(r, "map"), 0.0);
        assertEquals("=", r.get("mleComparedToMap"));
        assertTrue(r.contains("ratioMapOverMle"));
        assertNull(r.get("ratioMapOverMle"));
        assertTrue(((String) r.get("ratioMapOverMleReason")).contains("sum of the data is 0"));
        assertTrue(((String) r.get("ratioMapOverMleReason")).contains("0/0"));
    }

    @Test
    void positiveSumShrinksTheMapBelowTheMle() throws Exception {
        ResultTree r = results(values(0.5, 1.5, 2.0), gaussianPrior(0, 1), gaussianLikelihood(1));
        assertEquals(1L, r.get("signOfSum"));
        assertEquals(">", r.get("mleComparedToMap"));
        assertTrue(number(r, "mle") > number(r, "map") && number(r, "map") > 0);
        assertTrue(number(r, "mleMinusMap") > 0);
    }

    @Test
    void negativeSumShrinksTheMapAboveTheMle() throws Exception {
        ResultTree r = results(values(-0.5, -1.5, 1.0), gaussianPrior(0, 1), gaussianLikelihood(1));
        assertEquals(-1L, r.get("signOfSum"));
        assertEquals("<", r.get("mleComparedToMap"));
        assertTrue(number(r, "mle") < number(r, "map") && number(r, "map") < 0);
    }

    @Test
    void withoutDataTheMleIsUndefinedAndThePosteriorIsThePrior() throws Exception {
        ResultTree r = results(values(), gaussianPrior(0.3, 2.0), gaussianLikelihood(1));
        assertNull(r.get("mle"));
        assertTrue(r.contains("mleReason"));
        assertNull(r.get("ratioMapOverMle"));
        assertNull(r.get("pluginMle.mean"));
        assertEquals(0.3, number(r, "posterior.mean"), 1e-15);
        assertEquals(2.0, number(r, "posterior.variance"), 1e-15);
        assertEquals(3.0, number(r, "predictive.variance"), 1e-15);
        assertEquals(0.3, number(r, "quadrature.mean"), 1e-10);
    }

    /**
     * n = 0 against the closed forms: the posterior is the prior (mean mu0, variance tau^2), the posterior
     * predictive is the prior predictive N(mu0, tau^2 + sigma^2), the MAP is mu0, the plug-in predictive
     * at the MAP is N(mu0, sigma^2), and the MLE (and what depends on it) is null with a reason; with a
     * Laplace(m, b) prior the MAP is m and the posterior mean and variance are m and 2 b^2; plots are drawn.
     */
    @Test
    void withoutDataEveryResultIsThePriorsClosedForm() throws Exception {
        ResultTree r = run(values(), gaussianPrior(-0.7, 2.5), gaussianLikelihood(0.4), Map.of("plots", true)).results();
        assertEquals(0L, r.get("n"));
        assertEquals(-0.7, number(r, "map"), 0.0);
        assertEquals(-0.7, number(r, "predictive.mean"), 0.0);
        assertEquals(2.9, number(r, "predictive.variance"), 1e-15);
        assertEquals(-0.7, number(r, "pluginMap.mean"), 0.0);
        assertEquals(0.4, number(r, "pluginMap.variance"), 0.0);
        for (String undefined : new String[] {"mle", "sampleMean", "pluginMle.mean", "mleMinusMap"}) {
            assertTrue(r.contains(undefined) && r.get(undefined) == null, undefined);
            assertTrue(((String) r.get(undefined + ResultTree.REASON_SUFFIX)).contains("data"), undefined);
        }
        ResultTree laplace = results(values(), laplacePrior(0.25, 0.6), gaussianLikelihood(1));
        assertEquals(0.25, number(laplace, "map"), 1e-12);
        assertEquals(0.25, number(laplace, "softThreshold.map"), 0.0);
        assertEquals(0.25, number(laplace, "posterior.mean"), 1e-10);
        assertRelative(2 * 0.6 * 0.6, number(laplace, "posterior.variance"), 1e-9, "Laplace variance 2 b^2");
    }

    @Test
    void laplaceMapIsTheSoftThresholdOfTheSampleMean() throws Exception {
        double mu0 = 0.4;
        double tau = 0.5;
        double sigma2 = 1.0;
        // n = 4 gives the threshold sigma^2 / (n tau) = 0.5.
        double[][] samples = {{2, 1, 1.5, 1.1}, {-1, 0, -2, -0.5}, {0.5, 0.2, 0.9, 0.6}, {0.4, 0.4, 0.4, 0.4}};
        for (double[] x : samples) {
            double xbar = (x[0] + x[1] + x[2] + x[3]) / 4;
            double expected = mu0 + GaussianMeanTask.softThreshold(xbar - mu0, sigma2 / (4 * tau));
            ResultTree r = results(values(x), laplacePrior(mu0, tau), gaussianLikelihood(sigma2));
            assertEquals("quadrature", r.get("method"));
            assertEquals(expected, number(r, "softThreshold.map"), 1e-15);
            if (Math.abs(xbar - mu0) <= 0.5) {
                assertEquals(mu0, number(r, "map"), 0.0, "inside the threshold the MAP is exactly the kink");
            } else {
                assertEquals(expected, number(r, "map"), 1e-13, "xbar = " + xbar);
            }
        }
    }

    @Test
    void laplacePosteriorMomentsMatchBruteForceIntegration() throws Exception {
        double mu0 = 0.0;
        double tau = 0.3;
        double sigma2 = 1.0;
        double[] x = {0.9, 0.1, 1.4};
        ResultTree r = results(values(x), laplacePrior(mu0, tau), gaussianLikelihood(sigma2));
        double xbar = (0.9 + 0.1 + 1.4) / 3;
        DoubleUnaryOperator logPost = mu -> -Math.abs(mu - mu0) / tau - 3 * (mu - xbar) * (mu - xbar) / (2 * sigma2);
        double[] m = simpsonMoments(logPost, -8, 8, new double[] {mu0});
        assertRelative(m[1] / m[0], number(r, "posterior.mean"), 1e-9, "mean");
        double variance = m[2] / m[0] - (m[1] / m[0]) * (m[1] / m[0]);
        assertRelative(variance, number(r, "posterior.variance"), 1e-9, "variance");
        assertEquals(number(r, "posterior.mean"), number(r, "predictive.mean"), 0.0);
        assertEquals(variance + sigma2, number(r, "predictive.variance"), 1e-9);
        assertTrue(Math.abs(number(r, "mapMinusPredictiveMean")) > 1e-3, "without conjugacy MAP and E[x|D] differ");
    }

    @Test
    void aPriorWithBoundedSupportStillIntegrates() throws Exception {
        double[] x = {0.2, -0.1, 0.4};
        ResultTree r = results(values(x), exponentialPrior(), gaussianLikelihood(0.5));
        double xbar = 0.5 / 3;
        DoubleUnaryOperator logPost = mu -> -mu - 3 * (mu - xbar) * (mu - xbar) / (2 * 0.5);
        double[] m = simpsonMoments(logPost, 0, 8, new double[0]);
        assertRelative(m[1] / m[0], number(r, "posterior.mean"), 1e-8, "mean");
        assertEquals(Math.max(xbar - 0.5 / 3, 0), number(r, "map"), 1e-9);
    }

    @Test
    void theRunStaysCheapAtAMillionPoints() throws Exception {
        ResultTree r = results(values(gaussianSample(1_000_000, 1, 1, 3)), laplacePrior(0, 1), gaussianLikelihood(1));
        assertTrue(number(r, "quadrature.evaluations") < 5_000, "evaluations " + r.get("quadrature.evaluations"));
    }

    @Test
    void plotsShowThePosteriorAndTheThreePredictives() throws Exception {
        TestTaskContext c = run(values(0.5, 1.5, 2.5), gaussianPrior(0, 1), gaussianLikelihood(1), Map.of());
        assertEquals(List.of("posterior", "predictive"), c.plots().stream().map(Plot::name).toList());
        Plot posterior = c.plots().get(0);
        assertEquals(3, posterior.series().size(), "closed form, quadrature, prior");
        assertEquals(1.0, trapezoid(posterior.series().get(0)), 1e-4);
        Plot predictive = c.plots().get(1);
        assertEquals(3, predictive.series().size());
        for (Plot.Series s : predictive.series()) {
            assertEquals(1.0, trapezoid(s), 1e-4, s.name());
        }
        TestTaskContext laplace = run(values(0.5, 1.5, 2.5), laplacePrior(0, 1), gaussianLikelihood(1), Map.of());
        assertEquals(1.0, trapezoid(laplace.plots().get(1).series().get(0)), 1e-3, "x|D by convolution");
        assertTrue(run(values(1), gaussianPrior(0, 1), gaussianLikelihood(1), Map.of("plots", false)).plots().isEmpty());
    }

    @Test
    void featureColumnsAreRejected() {
        Dataset rows = Dataset.ofRows(new double[][] {{1, 2}}, new double[] {3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> results(() -> rows, gaussianPrior(0, 1), gaussianLikelihood(1)));
        assertTrue(e.getMessage().contains("2 feature columns"), e.getMessage());
    }

    /** {integral of p, of mu p, of mu^2 p} with p = exp(logPost - max) by composite Simpson, split at kinks. */
    private static double[] simpsonMoments(DoubleUnaryOperator logPost, double a, double b, double[] kinks) {
        double[] edges = new double[kinks.length + 2];
        edges[0] = a;
        System.arraycopy(kinks, 0, edges, 1, kinks.length);
        edges[edges.length - 1] = b;
        double shift = 0;
        for (double mu = a; mu <= b; mu += 1e-3) {
            shift = Math.max(shift, logPost.applyAsDouble(mu));
        }
        double[] m = new double[3];
        for (int k = 0; k + 1 < edges.length; k++) {
            int panels = 400_000;
            double h = (edges[k + 1] - edges[k]) / panels;
            for (int j = 0; j <= panels; j++) {
                double mu = edges[k] + j * h;
                double w = (j == 0 || j == panels ? 1 : j % 2 == 1 ? 4 : 2) * h / 3
                        * Math.exp(logPost.applyAsDouble(mu) - shift);
                m[0] += w;
                m[1] += w * mu;
                m[2] += w * mu * mu;
            }
        }
        return m;
    }

    private static double trapezoid(Plot.Series s) {
        double sum = 0;
        for (int i = 1; i < s.x().length; i++) {
            sum += 0.5 * (s.y()[i] + s.y()[i - 1]) * (s.x()[i] - s.x()[i - 1]);
        }
        return sum;
    }
}

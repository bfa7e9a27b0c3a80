package org.workbench.sampler.mala;

import org.workbench.api.testing.BayesDoubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.api.testing.TestContext;
import org.workbench.sampler.gibbslaplace.GibbsLaplaceProvider;

/**
 * MALA against closed forms and the Gibbs sampler. Tolerance: 4 combined Monte-Carlo standard
 * errors per coordinate; R-hat below 1.01.
 */
class MalaSamplerTest {
    private final MalaSampler mala = new MalaSampler(5000, 2000, 4, 0.574);

    private static Dataset data(long seed, int n, double[] w, double sigma2) {
        SplittableRandom random = new SplittableRandom(seed);
        int p = w.length;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextGaussian() + (j > 0 ? 0.5 * x[i][j - 1] : 0);
                y[i] += x[i][j] * w[j];
            }
            y[i] += Math.sqrt(sigma2) * random.nextGaussian();
        }
        return Dataset.ofRows(x, y);
    }

    @Test
    void gaussianPriorMatchesTheConjugatePosteriorMean() {
        double sigma2 = 0.7;
        double priorVariance = 0.5;
        double[] m0 = {0.3, -0.2, 0.1};
        Dataset d = data(1, 12, new double[] {1, -1, 0.5}, sigma2);
        PosteriorSummary s = mala.sample(new RegressionPosterior(d, BayesDoubles.gaussianPrior(m0, priorVariance),
                BayesDoubles.gaussian(sigma2)), new SplittableRandom(2));
        // mean = (X^T X / sigma^2 + I / v)^-1 (X^T y / sigma^2 + m0 / v), solved by Gaussian elimination
        int p = 3;
        double[][] a = new double[p][p + 1];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                double g = 0;
                for (int i = 0; i < d.rows(); i++) {
                    g += d.x(i, j) * d.x(i, k);
                }
                a[j][k] = g / sigma2 + (j == k ? 1 / priorVariance : 0);
            }
            double b = 0;
            for (int i = 0; i < d.rows(); i++) {
                b += d.x(i, j) * d.targets()[i];
            }
            a[j][p] = b / sigma2 + m0[j] / priorVariance;
        }
        double[] exact = solve(a);
        for (int j = 0; j < p; j++) {
            assertEquals(exact[j], s.mean()[j], 4 * s.mcse()[j], "coordinate " + j);
            assertTrue(s.rhat()[j] < 1.01, "rhat " + s.rhat()[j]);
        }
        assertTrue(s.acceptance() > 0.4 && s.acceptance() < 0.8, "acceptance " + s.acceptance());
    }

    @Test
    void laplacePriorAwayFromTheKinkMatchesGibbs() {
        double sigma2 = 1.0;
        double[] mu = {0, 0};
        Dataset d = data(3, 60, new double[] {1.5, -2.0}, sigma2);
        RegressionPosterior posterior = new RegressionPosterior(d, BayesDoubles.laplace(mu, 1.0), BayesDoubles.gaussian(sigma2));
        PosteriorSummary m = mala.sample(posterior, new SplittableRandom(4));
        GibbsLaplaceProvider provider = new GibbsLaplaceProvider();
        PosteriorSampler gibbs = provider.create(Parameters.withDefaults(provider.parameters(),
                Map.of("iterations", 5000L)), new TestContext("sampler", 5L, Path.of(".")));
        PosteriorSummary g = gibbs.sample(posterior, new SplittableRandom(6));
        for (int j = 0; j < 2; j++) {
            double se = Math.hypot(m.mcse()[j], g.mcse()[j]);
            assertEquals(g.mean()[j], m.mean()[j], 4 * se, "coordinate " + j);
            assertTrue(m.rhat()[j] < 1.01, "rhat " + m.rhat()[j]);
        }
    }

    private static double[] solve(double[][] a) {
        int p = a.length;
        for (int c = 0; c < p; c++) {
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= p; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = a[r][p];
            for (int k = r + 1; k < p; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    @Test
    void aCancelledRunStopsTheChainAtItsNextCheck() {
        // five million draws would take seconds; on an interrupted thread the chain stops at its next check
        MalaSampler sampler = new MalaSampler(5_000_000, 2000, 1, 0.574);
        RegressionPosterior posterior = new RegressionPosterior(Dataset.ofRows(new double[][] {{1.0}, {-0.5}},
                new double[] {0.9, -0.1}), BayesDoubles.gaussianPrior(new double[] {0.0}, 1.0), BayesDoubles.gaussian(0.5));
        org.workbench.api.testing.Cancelled.stopsWhenInterrupted(() -> sampler.sample(posterior, new SplittableRandom(1)));
    }
}

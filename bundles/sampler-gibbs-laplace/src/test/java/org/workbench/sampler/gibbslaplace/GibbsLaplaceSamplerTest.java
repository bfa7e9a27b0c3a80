package org.workbench.sampler.gibbslaplace;

import org.workbench.api.testing.BayesDoubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workbench.api.Dataset;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;

/**
 * The Gibbs posterior mean against quadrature. Tolerance per coordinate: 4 Monte-Carlo standard
 * errors (the sampler's own MCSE) plus 1e-6 for the quadrature; the MCSE itself must be below 0.01
 * so that the check has teeth, and R-hat below 1.01.
 */
class GibbsLaplaceSamplerTest {
    private final GibbsLaplaceSampler sampler = new GibbsLaplaceSampler(5000, 500, 4);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("p=1, mu=0, posterior straddles the kink",
                        Dataset.ofRows(new double[][] {{1.0}, {-0.5}, {0.8}, {1.2}}, new double[] {0.9, -0.1, 0.2, 0.7}),
                        0.5, new double[] {0.0}, 0.3),
                Arguments.of("p=1, mu=1.5 away from 0",
                        Dataset.ofRows(new double[][] {{1.0}, {0.4}, {-0.9}}, new double[] {0.2, -0.3, 0.1}),
                        0.25, new double[] {1.5}, 0.4),
                Arguments.of("p=1, MAP exactly at mu (on the kink)",
                        Dataset.ofRows(new double[][] {{0.7}, {-0.4}}, new double[] {0.75, -0.35}),
                        1.0, new double[] {1.0}, 0.5),
                Arguments.of("p=2, correlated, mu away from 0",
                        Dataset.ofRows(new double[][] {{1.0, 0.6}, {0.3, -0.2}, {-0.8, -0.9}, {0.5, 1.1}, {1.4, 0.2}},
                                new double[] {1.3, 0.1, -1.2, 0.9, 1.0}),
                        0.5, new double[] {0.5, -1.0}, 0.6),
                Arguments.of("p=2, second coordinate on the kink",
                        Dataset.ofRows(new double[][] {{1.0, 0.1}, {-1.0, 0.2}, {0.5, -0.1}}, new double[] {2.0, -1.9, 1.0}),
                        0.5, new double[] {0.0, 0.0}, 0.2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void posteriorMeanMatchesQuadrature(String label, Dataset data, double sigma2, double[] mu, double tau) {
        RegressionPosterior posterior = new RegressionPosterior(data, BayesDoubles.laplace(mu, tau), BayesDoubles.gaussian(sigma2));
        PosteriorSummary summary = sampler.sample(posterior, new SplittableRandom(42));
        double[] exact = Quadrature.posteriorMean(data, sigma2, mu, tau);
        double[] mean = summary.mean();
        double[] mcse = summary.mcse();
        for (int j = 0; j < mu.length; j++) {
            assertTrue(mcse[j] < 0.01, "mcse " + mcse[j]);
            assertEquals(exact[j], mean[j], 4 * mcse[j] + 1e-6,
                    label + " coordinate " + j + ": quadrature " + exact[j] + ", Gibbs " + mean[j] + " +- " + mcse[j]);
            assertTrue(summary.rhat()[j] < 1.01, "rhat " + summary.rhat()[j]);
            assertTrue(summary.ess()[j] > 1000, "ess " + summary.ess()[j]);
        }
    }

    @Test
    void sameStreamSameSummary() {
        Dataset data = Dataset.ofRows(new double[][] {{1, 2}, {3, -1}, {0.5, 0.5}}, new double[] {1, 2, 0});
        RegressionPosterior posterior = new RegressionPosterior(data, BayesDoubles.laplace(new double[] {0, 0}, 1), BayesDoubles.gaussian(1));
        GibbsLaplaceSampler small = new GibbsLaplaceSampler(100, 10, 2);
        assertArrayEquals(small.sample(posterior, new SplittableRandom(3)).mean(),
                small.sample(posterior, new SplittableRandom(3)).mean(), 0.0);
    }

    @Test
    void refusesOtherPriorsAndLikelihoods() {
        Likelihood other = new Likelihood() {
            @Override
            public double logDensity(double observed, double predicted) {
                return 0;
            }

            @Override
            public double gradient(double observed, double predicted) {
                return 0;
            }
        };
        RegressionPosterior posterior = new RegressionPosterior(Dataset.ofRows(new double[][] {{1}}, new double[] {1}),
                BayesDoubles.laplace(new double[] {0}, 1), other);
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(posterior, new SplittableRandom(1)));
    }

    @Test
    void inverseGaussianHasItsMeanAndStaysFiniteAtHugeMeans() {
        SplittableRandom random = new SplittableRandom(5);
        double m = 2.0;
        double shape = 3.0;
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += InverseGaussian.draw(random, m, shape);
        }
        // variance of IG is m^3 / shape
        assertEquals(m, sum / n, 5 * Math.sqrt(m * m * m / shape / n));
        for (double huge : new double[] {1e12, 1e100, 1e300, Double.POSITIVE_INFINITY}) {
            for (int i = 0; i < 1000; i++) {
                double v = InverseGaussian.draw(random, huge, shape);
                assertTrue(v > 0 && Double.isFinite(v), "draw " + v + " for mean " + huge);
            }
        }
        // at an infinite mean the law is Levy(shape): P(X <= shape) = P(chi^2_1 >= 1) = 0.3173
        int below = 0;
        for (int i = 0; i < n; i++) {
            if (InverseGaussian.draw(random, Double.POSITIVE_INFINITY, shape) <= shape) {
                below++;
            }
        }
        assertEquals(0.31731050786291415, (double) below / n, 5 * Math.sqrt(0.25 / n));
    }

    @Test
    void aCancelledRunStopsTheChainAtItsNextCheck() {
        // five million draws would take seconds; on an interrupted thread the chain stops at its next check
        GibbsLaplaceSampler sampler = new GibbsLaplaceSampler(5_000_000, 500, 1);
        RegressionPosterior posterior = new RegressionPosterior(Dataset.ofRows(new double[][] {{1.0}, {-0.5}},
                new double[] {0.9, -0.1}), BayesDoubles.laplace(new double[] {0.0}, 0.3), BayesDoubles.gaussian(0.5));
        org.workbench.api.testing.Cancelled.stopsWhenInterrupted(() -> sampler.sample(posterior, new SplittableRandom(1)));
    }
}

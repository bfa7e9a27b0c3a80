package org.workbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Diagnostics on chains whose answer is known. Tolerances are set from the sampling spread of the
 * estimators at these sizes (4 chains of 5000): a few standard deviations.
 */
class McmcDiagnosticsTest {
    private static final int CHAINS = 4;
    private static final int DRAWS = 5000;

    private static double[][] ar1(long seed, double phi, double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] chains = new double[CHAINS][DRAWS];
        double innovation = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < CHAINS; c++) {
            double x = random.nextGaussian();
            for (int t = 0; t < DRAWS; t++) {
                x = phi * x + innovation * random.nextGaussian();
                chains[c][t] = x + c * shift;
            }
        }
        return chains;
    }

    @Test
    void iidDrawsHaveRhatNearOneAndEssNearTheirCount() {
        double[][] chains = ar1(11, 0.0, 0.0);
        double total = CHAINS * DRAWS;
        assertEquals(1.0, McmcDiagnostics.rhat(chains), 0.01);
        // Geyer's truncation can run a few lags long on white noise (pairs of noise autocorrelations
        // of size 1/sqrt(total) stay positive), which lowers the estimate by up to about 15%
        assertEquals(1.0, McmcDiagnostics.essBulk(chains) / total, 0.15);
        assertEquals(1.0, McmcDiagnostics.essBasic(chains) / total, 0.15);
        // the smaller of two noisy 5%-indicator estimates: biased low and more spread than the bulk
        assertEquals(1.0, McmcDiagnostics.essTail(chains) / total, 0.2);
        assertEquals(1 / Math.sqrt(total), McmcDiagnostics.mcseMean(chains), 0.1 / Math.sqrt(total));
    }

    @Test
    void ar1ChainsHaveTheKnownEss() {
        double phi = 0.8;
        double[][] chains = ar1(12, phi, 0.0);
        double expected = CHAINS * DRAWS * (1 - phi) / (1 + phi);
        assertEquals(1.0, McmcDiagnostics.essBulk(chains) / expected, 0.15);
        assertEquals(1.0, McmcDiagnostics.essBasic(chains) / expected, 0.15);
        assertEquals(1.0, McmcDiagnostics.rhat(chains), 0.02);
    }

    @Test
    void chainsStuckApartHaveLargeRhat() {
        double[][] chains = ar1(13, 0.5, 1.0);
        assertTrue(McmcDiagnostics.rhat(chains) > 1.3, "rhat " + McmcDiagnostics.rhat(chains));
    }

    @Test
    void aChainWithADifferentSpreadIsCaughtByTheFoldedRhat() {
        double[][] chains = ar1(14, 0.0, 0.0);
        for (int t = 0; t < DRAWS; t++) {
            chains[0][t] *= 3;
        }
        double[][] split = McmcDiagnostics.split(chains);
        double bulkOnly = McmcDiagnostics.basicRhat(McmcDiagnostics.rankNormalise(split));
        assertTrue(bulkOnly < 1.01, "equal means: bulk R-hat " + bulkOnly);
        assertTrue(McmcDiagnostics.rhat(chains) > 1.05, "folded R-hat " + McmcDiagnostics.rhat(chains));
    }

    @Test
    void autocovarianceMatchesTheDirectSum() {
        SplittableRandom random = new SplittableRandom(15);
        int n = 37;
        double[] x = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() + (i % 3);
            mean += x[i];
        }
        mean /= n;
        double[] acov = Autocovariance.of(x, 0, n);
        for (int t = 0; t < n; t++) {
            double s = 0;
            for (int i = 0; i + t < n; i++) {
                s += (x[i] - mean) * (x[i + t] - mean);
            }
            assertEquals(s / n, acov[t], 1e-12);
        }
    }

    @Test
    void normalQuantileInvertsKnownValues() {
        assertEquals(0.0, NormalQuantile.of(0.5), 1e-16);
        assertEquals(1.959963984540054, NormalQuantile.of(0.975), 1e-14);
        assertEquals(-3.090232306167814, NormalQuantile.of(0.001), 1e-13);
        assertEquals(-8.209536151601387, NormalQuantile.of(1.1102230246251565e-16), 1e-10);
    }
}

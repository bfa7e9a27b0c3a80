package org.workbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the fast diagnostics against naive routes: ranks from the radix sort and the
 * folded merge against counting (O(n^2), ties averaged), and the lazily computed ESS (direct lags,
 * FFT once a chain needs many) against Geyer's estimator on autocovariances summed naively.
 */
class SharedWorkTest {
    @Test
    void rankScoresAndFoldedScoresMatchCountedRanks() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 301;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // ties, negative zero and both signs
            x[i] = i % 7 == 0 ? -0.0 : Math.round(random.nextGaussian() * 4) / 4.0;
        }
        RankedDraws ranked = RankedDraws.of(x, n);
        double[] scores = new double[n];
        ranked.normalScores(scores, new NormalScores(n));
        double median = ranked.quantile(0.5);
        double[] folded = new double[n];
        ranked.foldedNormalScores(median, folded, new NormalScores(n));
        for (int i = 0; i < n; i++) {
            assertEquals(NormalQuantile.of((countedRank(x, x[i]) - 0.375) / (n + 0.25)), scores[i], 1e-15, "draw " + i);
            double[] f = new double[n];
            for (int k = 0; k < n; k++) {
                f[k] = Math.abs(x[k] - median);
            }
            assertEquals(NormalQuantile.of((countedRank(f, f[i]) - 0.375) / (n + 0.25)), folded[i], 1e-15, "folded " + i);
        }
    }

    @Test
    void lazyEssMatchesGeyerOnNaiveAutocovariancesForFastAndSlowChains() {
        for (double phi : new double[] {-0.3, 0.5, 0.99}) {
            SplittableRandom random = new SplittableRandom(11);
            int m = 3;
            int n = 1500;
            double[] x = new double[m * n];
            for (int c = 0; c < m; c++) {
                double v = 0;
                for (int t = 0; t < n; t++) {
                    v = phi * v + random.nextGaussian();
                    x[c * n + t] = v;
                }
            }
            double expected = naiveEss(x, m, n);
            assertEquals(expected, EffectiveSampleSize.of(x, m, n), 1e-9 * expected, "phi " + phi);
        }
    }

    @Test
    void bitCountTailEssMatchesGeyerOnNaiveAutocovariancesOfTheIndicator() {
        for (double phi : new double[] {0.0, 0.6, 0.995}) {
            SplittableRandom random = new SplittableRandom(21);
            int m = 4;
            int n = 1300;
            double[] x = new double[m * n];
            for (int c = 0; c < m; c++) {
                double v = 0;
                for (int t = 0; t < n; t++) {
                    v = phi * v + random.nextGaussian();
                    x[c * n + t] = v;
                }
            }
            Workspace w = new Workspace(m, n);
            RankedDraws ranked = RankedDraws.of(x, m * n, w);
            for (double q : new double[] {0.05, 0.95}) {
                double threshold = ranked.quantile(q);
                double[] indicator = new double[m * n];
                for (int i = 0; i < m * n; i++) {
                    indicator[i] = x[i] <= threshold ? 1 : 0;
                }
                double expected = naiveEss(indicator, m, n);
                int below = ranked.countAtMost(threshold);
                // the draws at or below the threshold, and (their complement) the draws above it
                IndicatorLags low = new IndicatorLags(ranked, 0, below, m, n, w);
                assertEquals(expected, EffectiveSampleSize.geyer(low, low.means(), m, n, new double[n]), 1e-12 * expected,
                        "phi " + phi + ", I(x <= q" + q + ")");
                IndicatorLags high = new IndicatorLags(ranked, below, m * n, m, n, w);
                assertEquals(expected, EffectiveSampleSize.geyer(high, high.means(), m, n, new double[n]), 1e-12 * expected,
                        "phi " + phi + ", I(x > q" + q + ")");
            }
        }
    }

    @Test
    void radixOrderEqualsASortByDoubleCompareWithPositionsForTies() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 5000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 5) {
                case 0 -> x[i] = random.nextGaussian();
                case 1 -> x[i] = 1e6 + random.nextGaussian() * 1e-9; // one long run of equal upper key halves
                case 2 -> x[i] = Math.round(random.nextGaussian() * 3); // ties
                case 3 -> x[i] = random.nextBoolean() ? -0.0 : 0.0;
                default -> x[i] = -Math.exp(random.nextGaussian() * 20);
            }
        }
        Workspace w = new Workspace(1, n);
        RankedDraws ranked = RankedDraws.of(x, n, w);
        Integer[] expected = new Integer[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i;
        }
        java.util.Arrays.sort(expected, (a, b) -> Double.compare(x[a], x[b]) != 0 ? Double.compare(x[a], x[b]) : Integer.compare(a, b));
        for (int k = 0; k < n; k++) {
            assertEquals(expected[k], ranked.positionOf(k), "rank " + k);
            assertEquals(x[expected[k]], ranked.sorted()[k], 0.0);
        }
    }

    private static double countedRank(double[] x, double value) {
        int below = 0;
        int equal = 0;
        for (double v : x) {
            int c = Double.compare(v, value);
            below += c < 0 ? 1 : 0;
            equal += c == 0 ? 1 : 0;
        }
        return below + (equal + 1) / 2.0;
    }

    /** Geyer's initial monotone sequence (Stan's formulas) on O(n^2) autocovariances of every lag. */
    private static double naiveEss(double[] x, int m, int n) {
        double[][] acov = new double[m][n];
        double[] means = new double[m];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                means[c] += x[c * n + i] / n;
            }
            for (int lag = 0; lag < n; lag++) {
                double s = 0;
                for (int i = 0; i + lag < n; i++) {
                    s += (x[c * n + i] - means[c]) * (x[c * n + i + lag] - means[c]);
                }
                acov[c][lag] = s / n;
            }
        }
        double meanVar = 0;
        for (int c = 0; c < m; c++) {
            meanVar += acov[c][0] * n / (n - 1.0) / m;
        }
        double varPlus = meanVar * (n - 1.0) / n + EffectiveSampleSize.sampleVariance(means);
        double[] rho = new double[n];
        for (int t = 0; t < n; t++) {
            double a = 0;
            for (int c = 0; c < m; c++) {
                a += acov[c][t] / m;
            }
            rho[t] = 1 - (meanVar - a) / varPlus;
        }
        // initial positive sequence, then monotone
        int t = 0;
        double[] kept = new double[n];
        kept[0] = 1;
        kept[1] = rho[1];
        while (t < n - 5 && rho[t] + rho[t + 1] > 0) {
            t += 2;
            if (rho[t] + rho[t + 1] >= 0) {
                kept[t] = rho[t];
                kept[t + 1] = rho[t + 1];
            }
        }
        int maxT = t;
        if (rho[maxT] > 0) {
            kept[maxT] = rho[maxT];
        }
        for (t = 2; t <= maxT - 2; t += 2) {
            if (kept[t] + kept[t + 1] > kept[t - 2] + kept[t - 1]) {
                kept[t] = 0.5 * (kept[t - 2] + kept[t - 1]);
                kept[t + 1] = kept[t];
            }
        }
        double sum = 0;
        for (int k = 0; k < maxT; k++) {
            sum += kept[k];
        }
        double tau = Math.max(-1 + 2 * sum + kept[maxT], 1 / Math.log10((double) m * n));
        return m * n / tau;
    }
}

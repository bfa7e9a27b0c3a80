package org.workbench.task.gaussianmean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workbench.task.gaussianmean.Components.gaussianLikelihood;
import static org.workbench.task.gaussianmean.Components.gaussianPrior;
import static org.workbench.task.gaussianmean.Components.values;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.Parameters;
import org.workbench.api.ResultTree;
import org.workbench.api.testing.TestTaskContext;

/**
 * Question 1.3 in general, over 5000 seeded random cases (n from 1 to 200, sigma^2 and tau^2 over
 * eight orders of magnitude, data on scales from 1e-3 to 1e3, a tenth of the cases with the sum
 * exactly 0): the task's MAP (from the posterior precision) equals MLE * n tau^2 / (n tau^2 + sigma^2)
 * to 1e-12 relative, the factor lies strictly between 0 and 1, and therefore MLE &gt; MAP &gt; 0 when
 * the sum is positive, MLE &lt; MAP &lt; 0 when it is negative, and MLE = MAP = 0 when it is 0.
 */
class ShrinkageFactorTest {
    private static final int CASES = 5000;

    @TempDir
    Path folder;

    @Test
    void mapIsTheMleTimesAFactorStrictlyBetweenZeroAndOne() throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        GaussianMeanTaskProvider provider = new GaussianMeanTaskProvider();
        int positive = 0;
        int negative = 0;
        int zero = 0;
        for (int c = 0; c < CASES; c++) {
            int n = 1 + random.nextInt(200);
            double sigma2 = Math.pow(10, -4 + 8 * random.nextDouble());
            double tau2 = Math.pow(10, -4 + 8 * random.nextDouble());
            double scale = Math.pow(10, -3 + 6 * random.nextDouble());
            double shift = scale * random.nextGaussian();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = shift + scale * random.nextGaussian();
            }
            if (c % 10 == 0) {
                x = symmetric(x);
            }
            TestTaskContext context = new TestTaskContext(c, Parameters.withDefaults(provider.parameters(),
                    Map.of("plots", false)), folder).with("data", values(x)).with("prior", gaussianPrior(0, tau2))
                    .with("likelihood", gaussianLikelihood(sigma2));
            provider.create(context.parameters(), context).run(context);
            ResultTree r = context.results();
            double mle = r.number("mle");
            double map = r.number("map");
            double factor = n * tau2 / (n * tau2 + sigma2);
            String label = "case " + c + ": n=" + n + " sigma2=" + sigma2 + " tau2=" + tau2;
            assertTrue(factor > 0 && factor < 1, label);
            assertEquals(factor, r.number("shrinkage.factor"), 1e-15, label);
            assertEquals(mle * factor, map, 1e-12 * Math.abs(mle) + 1e-300, label);
            assertEquals(map, r.number("shrinkage.map"), 1e-12 * Math.abs(map) + 1e-300, label);
            double sum = r.number("sum");
            if (sum > 0) {
                positive++;
                assertTrue(mle > map && map > 0, label);
                assertEquals(">", r.get("mleComparedToMap"), label);
            } else if (sum < 0) {
                negative++;
                assertTrue(mle < map && map < 0, label);
                assertEquals("<", r.get("mleComparedToMap"), label);
            } else {
                zero++;
                assertEquals(0.0, mle, 0.0, label);
                assertEquals(0.0, map, 0.0, label);
            }
        }
        assertTrue(positive > 500 && negative > 500 && zero >= CASES / 10, positive + " " + negative + " " + zero);
    }

    /** The values and their negatives (and a 0 for odd n), so that the sum is exactly 0. */
    private static double[] symmetric(double[] x) {
        double[] s = new double[x.length];
        for (int i = 0; i + 1 < x.length; i += 2) {
            s[i] = x[i];
            s[i + 1] = -x[i];
        }
        return s;
    }
}

package org.workbench.sampler.gibbslaplace;

import java.util.SplittableRandom;

import org.workbench.api.Dataset;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.api.testing.BayesDoubles;

/**
 * Prints Gibbs iterations per second at N = 1000, p = 100 on one thread: first the chain alone
 * (what a Gibbs iteration costs), then whole sampler runs including the rank-normalised
 * diagnostics, as the difference of a long and a short run. Not a test.
 *
 * <pre>mvn -q -o -f bundles/sampler-gibbs-laplace/pom.xml test-compile exec:java \
 *   -Dexec.mainClass=org.workbench.sampler.gibbslaplace.GibbsBenchmark -Dexec.classpathScope=test</pre>
 */
public final class GibbsBenchmark {
    private GibbsBenchmark() {
    }

    public static void main(String[] args) {
        int n = 1000;
        int p = 100;
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[n * p];
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = random.nextDouble() < 0.2 ? random.nextGaussian() : 0;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = random.nextGaussian();
                y[i] += x[i * p + j] * w[j];
            }
            y[i] += random.nextGaussian();
        }
        RegressionPosterior posterior = new RegressionPosterior(Dataset.of(n, p, x, y),
                BayesDoubles.laplace(new double[p], 0.1), BayesDoubles.gaussian(1.0));
        GibbsLaplaceSampler.Model model = new GibbsLaplaceSampler.Model(posterior);
        for (int round = 0; round < 3; round++) {
            int iterations = 20000;
            double[] draws = new double[iterations * p];
            double[] means = new double[iterations * p];
            long t0 = System.nanoTime();
            new GibbsLaplaceSampler.Chain(model, new SplittableRandom(round)).run(0, iterations, draws, means);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("{\"kind\":\"gibbs-chain-only\",\"N\":%d,\"p\":%d,\"round\":%d,"
                    + "\"iterationsPerSecond\":%.0f}%n", n, p, round, iterations / seconds);
        }
        int shortRun = 2000;
        int longRun = 22000;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            new GibbsLaplaceSampler(shortRun, 0, 1).sample(posterior, new SplittableRandom(2));
            long t1 = System.nanoTime();
            PosteriorSummary s = new GibbsLaplaceSampler(longRun, 0, 1).sample(posterior, new SplittableRandom(3));
            long t2 = System.nanoTime();
            double seconds = ((t2 - t1) - (t1 - t0)) / 1e9;
            System.out.printf("{\"kind\":\"gibbs\",\"N\":%d,\"p\":%d,\"round\":%d,\"iterationsPerSecond\":%.0f,"
                    + "\"secondsFor%dWithDiagnostics\":%.3f,\"minEss\":%.0f}%n", n, p, round,
                    (longRun - shortRun) / seconds, longRun, (t2 - t1) / 1e9, min(s.ess()));
        }
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }
}

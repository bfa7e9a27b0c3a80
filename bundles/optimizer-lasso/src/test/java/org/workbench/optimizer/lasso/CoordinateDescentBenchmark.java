package org.workbench.optimizer.lasso;

import java.util.Arrays;

import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;

/**
 * Prints coordinate-descent fit times at N = 10,000, p = 1,000 for the taus and locations of
 * /work/shared/anchors/lasso_map.py (same data distribution: X ~ N(0, 1), 20% Laplace(0, 1)
 * nonzeros, sigma = 1, mu in {0, v ~ N(0, 0.5^2)}), median of 3, at a relative duality-gap
 * tolerance of 1e-10 (tight) or the third argument. Run beside {@code /usr/bin/python3 lasso_map.py
 * --sizes 10000x1000 --no-r}; to compare at equal accuracy, divide the printed gap by N to put it on
 * scikit-learn's scale (its objective is ours times sigma^2 / N): a tolerance of 1e-5 lands on the
 * gaps that scikit-learn reaches at its tol = 1e-10. Arguments: N p tolerance. Not a test.
 *
 * <pre>mvn -q -o -f bundles/optimizer-lasso/pom.xml test-compile exec:java \
 *   -Dexec.mainClass=org.workbench.optimizer.lasso.CoordinateDescentBenchmark -Dexec.classpathScope=test</pre>
 */
public final class CoordinateDescentBenchmark {
    private CoordinateDescentBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : 1e-10;
        CoordinateDescent solver = new CoordinateDescent(tolerance, 100_000);
        for (double muSpread : new double[] {0.0, 0.5}) {
            for (double tau : new double[] {1e-3, 1e-2, 1e-1, 1.0}) {
                LassoProblem problem = Problems.random(0, n, p, 1.0, tau, muSpread);
                double[] times = new double[3];
                MapEstimate m = null;
                for (int r = 0; r < times.length; r++) {
                    long t0 = System.nanoTime();
                    m = solver.solve(problem, null);
                    times[r] = (System.nanoTime() - t0) / 1e9;
                }
                Arrays.sort(times);
                int active = 0;
                double[] w = m.w();
                for (int j = 0; j < p; j++) {
                    if (w[j] != problem.location(j)) {
                        active++;
                    }
                }
                System.out.printf("{\"kind\":\"cd_fit\",\"N\":%d,\"p\":%d,\"mu\":\"%s\",\"tau\":%s,\"time_s_median\":%.4f,"
                        + "\"time_s_min\":%.4f,\"passes\":%d,\"objective\":%.10f,\"duality_gap\":%.3g,\"n_active\":%d}%n",
                        n, p, muSpread == 0 ? "0" : "v", tau, times[1], times[0], m.iterations(), m.objective(),
                        m.dualityGap(), active);
            }
        }
    }
}

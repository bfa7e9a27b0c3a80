package org.workbench.task.bayesianlinearregression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.workbench.api.Dataset;

/**
 * The Gaussian-prior MAP (ridge towards v) against two independent routes: least squares on the
 * augmented system [X; sqrt(k) I] w = [y; sqrt(k) v] solved by EJML's QR, and the stationarity of the
 * objective 1/(2 sigma^2) ||Xw - y||^2 + 1/(2 s^2) ||w - v||^2 at the solution.
 */
class RidgeTowardsTest {
    private static Dataset data(SplittableRandom random, int n, int p) {
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n * p; i++) {
            x[i] = random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = 3 * random.nextGaussian();
        }
        return Dataset.of(n, p, x, y);
    }

    @Test
    void equalsLeastSquaresOnTheAugmentedSystemForManyRandomCases() {
        SplittableRandom random = new SplittableRandom(2303);
        for (int c = 0; c < 200; c++) {
            int p = 1 + random.nextInt(6);
            int n = p + random.nextInt(20);
            Dataset d = data(random, n, p);
            double[] v = new double[p];
            for (int j = 0; j < p; j++) {
                v[j] = random.nextGaussian();
            }
            double k = c % 10 == 0 ? 0 : Math.exp(4 * random.nextGaussian());
            double[] w = RidgeTowards.solve(d, v, k);
            SimpleMatrix a = new SimpleMatrix(n + p, p);
            SimpleMatrix b = new SimpleMatrix(n + p, 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    a.set(i, j, d.x(i, j));
                }
                b.set(i, 0, d.targets()[i]);
            }
            for (int j = 0; j < p; j++) {
                a.set(n + j, j, Math.sqrt(k));
                b.set(n + j, 0, Math.sqrt(k) * v[j]);
            }
            SimpleMatrix expected = a.solve(b);
            for (int j = 0; j < p; j++) {
                assertEquals(expected.get(j, 0), w[j], 1e-8 * (1 + Math.abs(expected.get(j, 0))), "case " + c);
            }
            double sigma2 = 2.0;
            double s2 = k == 0 ? Double.POSITIVE_INFINITY : sigma2 / k;
            for (int j = 0; j < p; j++) {
                double g = (w[j] - v[j]) / s2;
                for (int i = 0; i < n; i++) {
                    double r = -d.targets()[i];
                    for (int m = 0; m < p; m++) {
                        r += d.x(i, m) * w[m];
                    }
                    g += d.x(i, j) * r / sigma2;
                }
                assertEquals(0, g, 1e-8 * (1 + k + n), "gradient of the objective, case " + c);
            }
        }
    }

    @Test
    void aStrongPriorGivesVAndLeastSquaresNeedsEnoughRows() {
        Dataset d = data(new SplittableRandom(1), 10, 3);
        double[] v = {1, -2, 0.5};
        assertArrayEquals(v, RidgeTowards.solve(d, v, 1e12), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> RidgeTowards.solve(data(new SplittableRandom(2), 2, 3),
                new double[3], 0));
    }
}

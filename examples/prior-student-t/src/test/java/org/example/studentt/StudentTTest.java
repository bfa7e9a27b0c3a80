package org.example.studentt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StudentTTest {
    @Test
    void logGammaMatchesFactorials() {
        assertEquals(Math.log(120), LogGamma.of(6), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), LogGamma.of(0.5), 1e-13);
    }

    @Test
    void densityIntegratesToOne() {
        StudentT t = new StudentT(0.7, 1.3, 4);
        double h = 1e-3;
        double sum = 0;
        for (double x = -400; x <= 400; x += h) {
            sum += Math.exp(t.logDensity(new double[] {x})) * h;
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void cauchyCaseMatchesTheCauchyDensity() {
        StudentT t = new StudentT(0, 2, 1);
        double x = 1.5;
        assertEquals(Math.log(1 / (Math.PI * 2 * (1 + (x / 2) * (x / 2)))), t.logDensity(new double[] {x}), 1e-13);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        StudentT t = new StudentT(-1, 0.5, 3);
        double[] g = t.gradient(new double[] {0.4}, new double[1]);
        double fd = (t.logDensity(new double[] {0.4 + 1e-6}) - t.logDensity(new double[] {0.4 - 1e-6})) / 2e-6;
        assertEquals(fd, g[0], 1e-7);
    }

    @Test
    void samplesHaveTheVarianceNuOverNuMinusTwoWithinFiveStandardErrors() {
        StudentT t = new StudentT(0, 1, 10);
        SplittableRandom random = new SplittableRandom(3);
        int n = 400_000;
        double sumSq = 0;
        double[] out = new double[1];
        for (int i = 0; i < n; i++) {
            t.sample(random, out);
            sumSq += out[0] * out[0];
        }
        double variance = 10.0 / 8.0;
        // Var(x^2) = E x^4 - (E x^2)^2 with E x^4 = 3 nu^2 / ((nu - 2)(nu - 4)) for nu = 10
        double fourth = 3.0 * 100 / (8 * 6);
        assertEquals(variance, sumSq / n, 5 * Math.sqrt((fourth - variance * variance) / n));
    }
}

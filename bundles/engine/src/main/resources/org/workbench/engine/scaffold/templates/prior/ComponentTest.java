package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class {{exampleClass}}Test {
    private final {{exampleClass}} prior = new {{exampleClass}}(0.5, 2.0);

    @Test
    void densityIntegratesToOne() {
        double h = 1e-3;
        double sum = 0;
        for (double x = -200; x <= 200; x += h) {
            sum += Math.exp(prior.logDensity(new double[] {x})) * h;
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        for (double x : new double[] {-3, 0.2, 7}) {
            double fd = (prior.logDensity(new double[] {x + 1e-6}) - prior.logDensity(new double[] {x - 1e-6})) / 2e-6;
            assertEquals(fd, prior.gradient(new double[] {x}, new double[1])[0], 1e-7);
        }
    }

    @Test
    void samplesHaveTheMeanAndVarianceWithinFiveStandardErrors() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 200_000;
        double[] out = new double[1];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            prior.sample(random, out);
            sum += out[0];
            sumSq += (out[0] - 0.5) * (out[0] - 0.5);
        }
        double variance = Math.PI * Math.PI * 4.0 / 3; // s^2 pi^2 / 3
        assertEquals(0.5, sum / n, 5 * Math.sqrt(variance / n));
        // the logistic's fourth central moment is 7 pi^4 s^4 / 15
        double fourth = 7 * Math.pow(Math.PI, 4) * 16 / 15;
        assertEquals(variance, sumSq / n, 5 * Math.sqrt((fourth - variance * variance) / n));
    }
}

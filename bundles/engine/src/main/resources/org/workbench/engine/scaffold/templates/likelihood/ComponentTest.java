package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class {{exampleClass}}Test {
    private final {{exampleClass}} likelihood = new {{exampleClass}}(0.7);

    @Test
    void densityIntegratesToOneOverTheObservation() {
        double h = 1e-4;
        double sum = 0;
        for (double y = -40; y <= 40; y += h) {
            sum += Math.exp(likelihood.logDensity(y, 1.5)) * h;
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void gradientMatchesCentralDifferencesAwayFromTheKink() {
        for (double predicted : new double[] {-2, 0.3, 4}) {
            double fd = (likelihood.logDensity(1.0, predicted + 1e-6) - likelihood.logDensity(1.0, predicted - 1e-6)) / 2e-6;
            assertEquals(fd, likelihood.gradient(1.0, predicted), 1e-7);
        }
    }
}

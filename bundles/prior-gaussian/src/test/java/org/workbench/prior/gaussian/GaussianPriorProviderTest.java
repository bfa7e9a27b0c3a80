package org.workbench.prior.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.bayes.GaussianPrior;
import org.workbench.api.bayes.Prior;
import org.workbench.api.testing.ProviderContract;

class GaussianPriorProviderTest extends ProviderContract<GaussianPrior> {
    private final GaussianPriorProvider provider = new GaussianPriorProvider();

    @Override
    protected Provider<GaussianPrior> provider() {
        return provider;
    }

    private GaussianPrior create(Map<String, Object> with) {
        return (GaussianPrior) provider.create(Parameters.withDefaults(provider.parameters(), with), context());
    }

    @Test
    void logDensityIsTheNormalisedGaussian() {
        GaussianPrior prior = create(Map.of("mean", 0.5, "variance", 4.0));
        double x = 1.7;
        double expected = Math.log(Math.exp(-(x - 0.5) * (x - 0.5) / 8.0) / Math.sqrt(2 * Math.PI * 4.0));
        assertEquals(expected, prior.logDensity(new double[] {x}), 1e-14);
        assertEquals(0, prior.dimension());
    }

    @Test
    void densityIntegratesToOneByTrapezoid() {
        GaussianPrior prior = create(Map.of("mean", -1.0, "variance", 2.25));
        double h = 1e-3;
        double sum = 0;
        for (double x = -20; x <= 20; x += h) {
            sum += Math.exp(prior.logDensity(new double[] {x})) * h;
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GaussianPrior prior = create(Map.of("mean", new double[] {1, -2}, "variance", new double[] {0.5, 3}));
        double[] theta = {0.3, 0.9};
        double[] g = prior.gradient(theta, new double[2]);
        for (int i = 0; i < 2; i++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += 1e-5;
            down[i] -= 1e-5;
            double fd = (prior.logDensity(up) - prior.logDensity(down)) / 2e-5;
            assertEquals(fd, g[i], 1e-8);
        }
    }

    @Test
    void samplesHaveThePriorMomentsWithinFiveStandardErrors() {
        GaussianPrior prior = create(Map.of("mean", 2.0, "variance", 9.0));
        SplittableRandom random = new SplittableRandom(7);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double[] out = new double[1];
        for (int i = 0; i < n; i++) {
            prior.sample(random, out);
            sum += out[0];
            sumSq += out[0] * out[0];
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(2.0, mean, 5 * Math.sqrt(9.0 / n));
        assertEquals(9.0, var, 5 * 9.0 * Math.sqrt(2.0 / n));
    }

    @Test
    void mismatchedLengthsAreRejectedNamingTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> create(Map.of("mean", new double[] {1, 2}, "variance", new double[] {1, 2, 3})));
        assertEquals("variance", e.parameter());
    }
}

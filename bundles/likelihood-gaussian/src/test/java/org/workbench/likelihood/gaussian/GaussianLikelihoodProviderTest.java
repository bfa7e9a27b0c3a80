package org.workbench.likelihood.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.testing.ProviderContract;

class GaussianLikelihoodProviderTest extends ProviderContract<GaussianLikelihood> {
    private final GaussianLikelihoodProvider provider = new GaussianLikelihoodProvider();

    @Override
    protected Provider<GaussianLikelihood> provider() {
        return provider;
    }

    private GaussianLikelihood create(Map<String, Object> with) {
        return (GaussianLikelihood) provider.create(Parameters.withDefaults(provider.parameters(), with), context());
    }

    @Test
    void defaultVarianceIsOne() {
        assertEquals(1.0, create(Map.of()).variance(), 0.0);
    }

    @Test
    void logDensityIsTheNormalisedGaussianFormula() {
        GaussianLikelihood l = create(Map.of("variance", 2.5));
        double x = 0.3;
        double m = -1.1;
        double expected = Math.log(Math.exp(-(x - m) * (x - m) / (2 * 2.5)) / Math.sqrt(2 * Math.PI * 2.5));
        assertEquals(expected, l.logDensity(x, m), 1e-14);
        assertEquals(-0.5 * Math.log(2 * Math.PI * 2.5), l.logDensity(4.0, 4.0), 1e-14);
    }

    @Test
    void densityIntegratesToOneOverTheObservation() {
        GaussianLikelihood l = create(Map.of("variance", 0.7));
        double h = 1e-3;
        double sum = 0;
        for (double x = -15; x <= 15; x += h) {
            sum += Math.exp(l.logDensity(x, 0.4)) * h;
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void gradientMatchesCentralDifferencesInThePrediction() {
        GaussianLikelihood l = create(Map.of("variance", 0.3));
        double h = 1e-5;
        for (double m : new double[] {-2, -0.1, 0, 0.5, 3}) {
            double fd = (l.logDensity(1.2, m + h) - l.logDensity(1.2, m - h)) / (2 * h);
            assertEquals(fd, l.gradient(1.2, m), 1e-7, "at prediction " + m);
        }
    }

    @Test
    void varianceMustBePositive() {
        assertFalse(declared("variance").inRange(0.0));
        assertTrue(declared("variance").inRange(1e-12));
    }
}

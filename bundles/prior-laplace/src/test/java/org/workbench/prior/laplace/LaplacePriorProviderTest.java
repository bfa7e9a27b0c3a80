package org.workbench.prior.laplace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.bayes.Prior;
import org.workbench.api.testing.ProviderContract;

class LaplacePriorProviderTest extends ProviderContract<LaplacePrior> {
    private final LaplacePriorProvider provider = new LaplacePriorProvider();

    @Override
    protected Provider<LaplacePrior> provider() {
        return provider;
    }

    private LaplacePrior create(Map<String, Object> with) {
        return (LaplacePrior) provider.create(Parameters.withDefaults(provider.parameters(), with), context());
    }

    /** Composite Simpson on [a, b] with an even number of panels. */
    private static double simpson(DoubleUnaryOperator f, double a, double b, int panels) {
        double h = (b - a) / panels;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int k = 1; k < panels; k++) {
            sum += (k % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + k * h);
        }
        return sum * h / 3;
    }

    @Test
    void defaultsAreLocationZeroScaleOne() {
        LaplacePrior prior = create(Map.of());
        assertEquals(0.0, prior.location(0), 0.0);
        assertEquals(1.0, prior.scale(0), 0.0);
        assertEquals(0, prior.dimension());
        assertEquals(-Math.log(2), prior.logDensity(new double[] {0}), 1e-15);
    }

    @Test
    void logDensityIsTheNormalisedLaplaceFormulaSummedOverCoordinates() {
        LaplacePrior prior = create(Map.of("location", new double[] {1, -2}, "scale", new double[] {0.5, 3}));
        double[] w = {0.2, 4.0};
        double expected = -Math.log(1.0) - 0.8 / 0.5 - Math.log(6.0) - 6.0 / 3.0;
        assertEquals(expected, prior.logDensity(w), 1e-14);
        assertEquals(2, prior.dimension());
    }

    @Test
    void densityIntegratesToOneBySimpsonSplitAtTheKink() {
        LaplacePrior prior = create(Map.of("location", 0.7, "scale", 1.3));
        DoubleUnaryOperator p = x -> Math.exp(prior.logDensity(new double[] {x}));
        double half = 1.3 * 60;
        double total = simpson(p, 0.7 - half, 0.7, 200_000) + simpson(p, 0.7, 0.7 + half, 200_000);
        assertEquals(1.0, total, 1e-10);
    }

    @Test
    void gradientMatchesCentralDifferencesAwayFromTheKink() {
        LaplacePrior prior = create(Map.of("location", new double[] {1, -2}, "scale", new double[] {0.5, 3}));
        double[] theta = {0.3, 0.9};
        double[] g = prior.gradient(theta, new double[2]);
        for (int i = 0; i < 2; i++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += 1e-6;
            down[i] -= 1e-6;
            double fd = (prior.logDensity(up) - prior.logDensity(down)) / 2e-6;
            assertEquals(fd, g[i], 1e-8);
        }
    }

    @Test
    void gradientAtTheKinkIsTheSmallestSubgradientZero() {
        LaplacePrior prior = create(Map.of("location", new double[] {1, -2}, "scale", 2.0));
        assertArrayEquals(new double[] {0, 0.5}, prior.gradient(new double[] {1, -3}, new double[2]), 0.0);
    }

    @Test
    void samplesHaveMeanMuAndVarianceTwoTauSquaredWithinFiveStandardErrors() {
        double mu = -0.4;
        double tau = 1.5;
        LaplacePrior prior = create(Map.of("location", mu, "scale", tau));
        SplittableRandom random = new SplittableRandom(11);
        int n = 400_000;
        double sum = 0;
        double sumSq = 0;
        double[] out = new double[1];
        for (int i = 0; i < n; i++) {
            prior.sample(random, out);
            sum += out[0];
            sumSq += (out[0] - mu) * (out[0] - mu);
        }
        double variance = 2 * tau * tau;
        // Var of (x - mu)^2 for a Laplace is E|x - mu|^4 - (2 tau^2)^2 = 24 tau^4 - 4 tau^4 = 20 tau^4.
        assertEquals(mu, sum / n, 5 * Math.sqrt(variance / n));
        assertEquals(variance, sumSq / n, 5 * Math.sqrt(20 * Math.pow(tau, 4) / n));
    }

    @Test
    void vectorSamplesUseEachCoordinatesLocation() {
        LaplacePrior prior = create(Map.of("location", new double[] {10, -10, 0}, "scale", 0.01));
        double[] out = new double[3];
        prior.sample(new SplittableRandom(3), out);
        assertArrayEquals(new double[] {10, -10, 0}, out, 0.5);
    }

    @Test
    void mismatchedLengthsAreRejectedNamingTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> create(Map.of("location", new double[] {1, 2}, "scale", new double[] {1, 2, 3})));
        assertEquals("scale", e.parameter());
    }

    @Test
    void wrongThetaLengthIsRejected() {
        LaplacePrior prior = create(Map.of("location", new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> prior.logDensity(new double[] {1, 2, 3}));
    }

    @Test
    void scaleMustBePositive() {
        assertFalse(declared("scale").inRange(0.0));
    }
}

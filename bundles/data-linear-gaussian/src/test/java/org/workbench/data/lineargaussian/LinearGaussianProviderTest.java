package org.workbench.data.lineargaussian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.ComponentContext;
import org.workbench.api.Dataset;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.bayes.Prior;
import org.workbench.api.linear.SimulatedRegression;
import org.workbench.api.linear.Simulation;
import org.workbench.api.testing.ProviderContract;
import org.workbench.api.testing.TestContext;

class LinearGaussianProviderTest extends ProviderContract<SimulatedRegression> {
    private final LinearGaussianProvider provider = new LinearGaussianProvider();

    /** A prior test double: every coordinate equal to {@code value}. */
    private static Prior constant(double value) {
        return new Prior() {
            @Override
            public int dimension() {
                return 0;
            }

            @Override
            public double logDensity(double[] theta) {
                return 0;
            }

            @Override
            public double[] gradient(double[] theta, double[] gradient) {
                return gradient;
            }

            @Override
            public void sample(SplittableRandom random, double[] out) {
                java.util.Arrays.fill(out, value);
            }
        };
    }

    @Override
    protected Provider<SimulatedRegression> provider() {
        return provider;
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of("p", 3L);
    }

    @Override
    protected ComponentContext context() {
        return new TestContext("data", 181L, Path.of(".")).withPeer("prior", constant(0.5));
    }

    private SimulatedRegression create(Map<String, Object> with, ComponentContext context) {
        return provider.create(Parameters.withDefaults(provider.parameters(), with), context);
    }

    @Test
    void drawsWeightsFromThePriorAndKeepsThemAsTruth() {
        SimulatedRegression data = create(Map.of("n", 50L, "p", 4L, "testSize", 7L), context());
        Dataset d = data.load();
        assertEquals(50, d.rows());
        assertEquals(4, d.columns());
        assertNotNull(d.test());
        assertEquals(7, d.test().rows());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, data.simulation().weights(), 0.0);
        assertTrue(d == data.load(), "load() returns the same memoised data");
    }

    @Test
    void sameSeedSameDataAndReplicatesDiffer() {
        SimulatedRegression a = create(Map.of("w", new double[] {1, -2}), context());
        SimulatedRegression b = create(Map.of("w", new double[] {1, -2}), context());
        assertArrayEquals(a.load().targets(), b.load().targets(), 0.0);
        Simulation r1 = a.simulate(new SplittableRandom(1), 0);
        Simulation r2 = a.simulate(new SplittableRandom(2), 0);
        assertTrue(r1.data().targets()[0] != r2.data().targets()[0]);
        assertEquals(null, r1.data().test());
    }

    @Test
    void residualVarianceAndFeatureMomentsMatchWithinFiveStandardErrors() {
        int n = 40_000;
        SimulatedRegression data = create(Map.of("n", (long) n, "w", new double[] {2, 0, -1}, "noiseVariance", 0.25),
                context());
        Dataset d = data.load();
        double ss = 0;
        double xx = 0;
        for (int i = 0; i < n; i++) {
            double r = d.targets()[i] - (2 * d.x(i, 0) - d.x(i, 2));
            ss += r * r;
            xx += d.x(i, 1) * d.x(i, 1);
        }
        assertEquals(0.25, ss / n, 5 * 0.25 * Math.sqrt(2.0 / n));
        assertEquals(1.0, xx / n, 5 * Math.sqrt(2.0 / n));
    }

    @Test
    void inconsistentShapesAreRejectedNamingTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> create(Map.of("p", 3L, "w", new double[] {1, 2}), context()));
        assertEquals("w", e.parameter());
        InvalidParameterException noPrior = assertThrows(InvalidParameterException.class,
                () -> create(Map.of("p", 3L), new TestContext("data", 1L, Path.of("."))));
        assertEquals("w", noPrior.parameter());
    }

    @Test
    void nestedTrainingRowsArePrefixesAndTheTestSetDoesNotDependOnN() {
        Map<String, Object> small = Map.of("n", 10L, "w", new double[] {1, -2, 0.5}, "testSize", 5L);
        Map<String, Object> large = Map.of("n", 40L, "w", new double[] {1, -2, 0.5}, "testSize", 5L);
        Dataset a = create(small, context()).load();
        Dataset b = create(large, context()).load();
        assertArrayEquals(a.targets(), java.util.Arrays.copyOf(b.targets(), 10), 0.0);
        assertArrayEquals(a.features(), java.util.Arrays.copyOf(b.features(), 30), 0.0);
        assertArrayEquals(a.test().targets(), b.test().targets(), 0.0);
        Map<String, Object> fresh = new java.util.HashMap<>(large);
        fresh.put("nested", false);
        Dataset c = create(fresh, context()).load();
        assertArrayEquals(b.targets(), c.targets(), 0.0);
        assertTrue(b.test().targets()[0] != c.test().targets()[0], "unnested: the test rows follow the training rows");
    }
}

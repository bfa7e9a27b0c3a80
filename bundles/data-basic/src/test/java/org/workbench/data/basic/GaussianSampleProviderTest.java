package org.workbench.data.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.testing.ProviderContract;
import org.workbench.api.testing.TestContext;

class GaussianSampleProviderTest extends ProviderContract<DataSource> {
    private final GaussianSampleProvider provider = new GaussianSampleProvider();

    @Override
    protected Provider<DataSource> provider() {
        return provider;
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of("n", 5);
    }

    private Dataset load(Map<String, Object> with, long seed) throws IOException {
        return provider.create(Parameters.withDefaults(provider.parameters(), with),
                new TestContext("data", seed, Path.of("."))).load();
    }

    @Test
    void sampleHasTheRequestedMomentsWithinFiveStandardErrors() throws IOException {
        int n = 200_000;
        double mu = 1.5;
        double sd = 2.0;
        double[] x = load(Map.of("n", n, "mean", mu, "stddev", sd), 181).targets();
        assertEquals(n, x.length);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double var = ss / (n - 1);
        assertEquals(mu, mean, 5 * sd / Math.sqrt(n));
        assertEquals(sd * sd, var, 5 * sd * sd * Math.sqrt(2.0 / n));
    }

    @Test
    void theSameSeedGivesTheSameSampleAndAnotherSeedAnother() throws IOException {
        Map<String, Object> with = Map.of("n", 50, "mean", 0.0, "stddev", 1.0);
        double[] a = load(with, 7).targets();
        assertArrayEquals(a, load(with, 7).targets(), 0.0);
        assertNotEquals(a[0], load(with, 8).targets()[0]);
    }

    @Test
    void repeatedLoadsOfOneComponentAgree() throws IOException {
        DataSource source = provider.create(Parameters.withDefaults(provider.parameters(), Map.of("n", 10)), context());
        assertArrayEquals(source.load().targets(), source.load().targets(), 0.0);
    }

    @Test
    void aSmallerSampleIsThePrefixOfALargerOneFromTheSameSeed() throws IOException {
        double[] small = load(Map.of("n", 10), 5).targets();
        double[] large = load(Map.of("n", 1000), 5).targets();
        assertArrayEquals(small, java.util.Arrays.copyOf(large, 10), 0.0);
    }

    @Test
    void nestedDrawsFromTheSeedSharedAcrossNAndUnnestedFromThePointsOwn() throws IOException {
        ComponentContextWithSharedSeed context = new ComponentContextWithSharedSeed(11, 99);
        double[] nested = provider.create(Parameters.withDefaults(provider.parameters(), Map.of("n", 20)), context).load()
                .targets();
        assertEquals(java.util.List.of("n", "mean", "stddev"), context.sharedParameters);
        assertArrayEquals(load(Map.of("n", 20), 99).targets(), nested, 0.0);
        double[] fresh = provider.create(Parameters.withDefaults(provider.parameters(), Map.of("n", 20, "nested", false)),
                context).load().targets();
        assertArrayEquals(load(Map.of("n", 20), 11).targets(), fresh, 0.0);
    }

    /** A context whose point seed and seed shared across n differ, as at a later point of a sweep over n. */
    private static final class ComponentContextWithSharedSeed implements org.workbench.api.ComponentContext {
        private final long seed;
        private final long shared;
        private java.util.List<String> sharedParameters;

        ComponentContextWithSharedSeed(long seed, long shared) {
            this.seed = seed;
            this.shared = shared;
        }

        @Override
        public String role() {
            return "data";
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public long seedAcross(String... parameters) {
            sharedParameters = java.util.List.of(parameters);
            return shared;
        }

        @Override
        public Path resolve(Path path) {
            return path;
        }

        @Override
        public <C> C peer(String role, Class<C> type) {
            throw new IllegalArgumentException(role);
        }

        @Override
        public boolean hasPeer(String role) {
            return false;
        }
    }

    @Test
    void zeroObservationsGiveAnEmptySample() throws IOException {
        assertEquals(0, load(Map.of("n", 0), 1).rows());
    }

    @Test
    void rangesRejectNegativeNAndNonPositiveStddev() {
        assertFalse(declared("n").inRange(-1));
        assertFalse(declared("stddev").inRange(0));
    }
}

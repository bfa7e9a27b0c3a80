package org.workbench.data.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.testing.ProviderContract;

class InlineDataProviderTest extends ProviderContract<DataSource> {
    private final InlineDataProvider provider = new InlineDataProvider();

    @Override
    protected Provider<DataSource> provider() {
        return provider;
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of("values", new double[] {1, 2});
    }

    private Dataset load(Map<String, Object> with) throws IOException {
        return provider.create(Parameters.withDefaults(provider.parameters(), with), context()).load();
    }

    private InvalidParameterException rejected(Map<String, Object> with) {
        return assertThrows(InvalidParameterException.class, () -> load(with));
    }

    @Test
    void valuesBecomeTargetsWithoutFeatures() throws IOException {
        Dataset d = load(Map.of("values", new double[] {1.5, -2, 0.5}));
        assertEquals(3, d.rows());
        assertEquals(0, d.columns());
        assertArrayEquals(new double[] {1.5, -2, 0.5}, d.targets(), 0.0);
    }

    @Test
    void emptyValuesAreASampleOfNoObservations() throws IOException {
        Dataset d = load(Map.of("values", new double[0]));
        assertEquals(0, d.rows());
        assertEquals(0, d.columns());
    }

    @Test
    void emptyRowsAreRefusedForTheirUnknownNumberOfFeatures() {
        InvalidParameterException e = rejected(Map.of("x", new double[0][], "y", new double[0]));
        assertEquals("x", e.parameter());
        assertTrue(e.getMessage().contains("cannot say how many features"), e.getMessage());
    }

    @Test
    void rowsAndTargetsBecomeFeaturesAndTargets() throws IOException {
        Dataset d = load(Map.of("x", new double[][] {{1, 2}, {3, 4}, {5, 6}}, "y", new double[] {7, 8, 9}));
        assertEquals(3, d.rows());
        assertEquals(2, d.columns());
        assertEquals(4.0, d.x(1, 1), 0.0);
        assertArrayEquals(new double[] {7, 8, 9}, d.targets(), 0.0);
    }

    @Test
    void bothFormsAreRejected() {
        InvalidParameterException e = rejected(Map.of("values", new double[] {1},
                "x", new double[][] {{1}}, "y", new double[] {1}));
        assertEquals("x", e.parameter());
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }

    @Test
    void noDataIsRejectedNamingValues() {
        InvalidParameterException e = rejected(Map.of());
        assertEquals("values", e.parameter());
    }

    @Test
    void xWithoutYAndYWithoutXAreRejectedNamingTheMissingOne() {
        assertEquals("y", rejected(Map.of("x", new double[][] {{1}})).parameter());
        assertEquals("x", rejected(Map.of("y", new double[] {1})).parameter());
    }

    @Test
    void mismatchedLengthsAreRejected() {
        InvalidParameterException e = rejected(Map.of("x", new double[][] {{1}, {2}}, "y", new double[] {1}));
        assertEquals("y", e.parameter());
        assertTrue(e.getMessage().contains("2 rows"), e.getMessage());
        assertEquals("x", rejected(Map.of("x", new double[][] {{1, 2}, {2}}, "y", new double[] {1, 2})).parameter());
    }
}

package org.workbench.data.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.testing.ProviderContract;
import org.workbench.api.testing.TestContext;

class CsvDataProviderTest extends ProviderContract<DataSource> {
    private final CsvDataProvider provider = new CsvDataProvider();

    @TempDir
    Path folder;

    @Override
    protected Provider<DataSource> provider() {
        return provider;
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of("path", "data.csv");
    }

    private Dataset load(String content, String target) throws IOException {
        Files.writeString(folder.resolve("data.csv"), content);
        Map<String, Object> with = new HashMap<>();
        with.put("path", "data.csv");
        if (target != null) {
            with.put("target", target);
        }
        return provider.create(Parameters.withDefaults(provider.parameters(), with),
                new TestContext("data", 1, folder)).load();
    }

    private InvalidParameterException rejected(String content, String target) {
        return assertThrows(InvalidParameterException.class, () -> load(content, target));
    }

    @Test
    void aSingleColumnGivesValues() throws IOException {
        Dataset d = load("x\n1.5\n-2\n\n3e-1\n", null);
        assertEquals(0, d.columns());
        assertArrayEquals(new double[] {1.5, -2, 0.3}, d.targets(), 0.0);
    }

    @Test
    void theTargetColumnGivesYAndTheOthersFeaturesInFileOrder() throws IOException {
        Dataset d = load("a, y ,\"b\"\n1,10,2\n3,20,4\n", "y");
        assertEquals(2, d.rows());
        assertEquals(2, d.columns());
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.features(), 0.0);
        assertArrayEquals(new double[] {10, 20}, d.targets(), 0.0);
    }

    @Test
    void manyRowsGrowTheStorage() throws IOException {
        StringBuilder s = new StringBuilder("f,t\n");
        for (int i = 0; i < 5000; i++) {
            s.append(i).append(',').append(-i).append('\n');
        }
        Dataset d = load(s.toString(), "t");
        assertEquals(5000, d.rows());
        assertEquals(4999.0, d.x(4999, 0), 0.0);
        assertEquals(-4999.0, d.targets()[4999], 0.0);
    }

    @Test
    void aNonNumberNamesTheFileLineColumnAndWhatIsValid() {
        InvalidParameterException e = rejected("a,y\n1,2\n3,abc\n", "y");
        assertEquals("path", e.parameter());
        String m = e.getMessage();
        assertTrue(m.contains("data.csv") && m.contains("line 3") && m.contains("column 2") && m.contains("'y'")
                && m.contains("'abc'") && m.contains("number"), m);
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        assertTrue(rejected("x\nNaN\n", null).getMessage().contains("line 2"));
        assertTrue(rejected("x\n1e999\n", null).getMessage().contains("not a finite number"));
    }

    @Test
    void aRaggedLineNamesItsFieldCountAndTheHeader() {
        InvalidParameterException e = rejected("a,b,y\n1,2,3\n4,5\n", "y");
        assertTrue(e.getMessage().contains("line 3: has 2 fields but the header has 3 (a, b, y)"), e.getMessage());
    }

    @Test
    void aMissingHeaderIsRejected() {
        InvalidParameterException e = rejected("1.0\n2.0\n", null);
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void headerFaultsAreRejected() {
        assertTrue(rejected("a,,y\n1,2,3\n", "y").getMessage().contains("column 2 of the header has no name"));
        assertTrue(rejected("a,a,y\n1,2,3\n", "y").getMessage().contains("repeats"));
        assertTrue(rejected("\"a,y\n1\n", null).getMessage().contains("never closed"));
    }

    @Test
    void anEmptyFileIsRejected() {
        assertTrue(rejected("\n\n", null).getMessage().contains("empty"));
    }

    @Test
    void anUnknownTargetListsTheValidColumns() {
        InvalidParameterException e = rejected("a,b\n1,2\n", "y");
        assertEquals("target", e.parameter());
        assertTrue(e.getMessage().contains("valid columns are a, b"), e.getMessage());
    }

    @Test
    void severalColumnsWithoutATargetAskForOne() {
        InvalidParameterException e = rejected("a,b\n1,2\n", null);
        assertEquals("target", e.parameter());
        assertTrue(e.getMessage().contains("2 columns (a, b)"), e.getMessage());
    }

    @Test
    void aMissingFileIsRejectedNamingIt() {
        DataSource source = provider.create(Parameters.withDefaults(provider.parameters(),
                Map.of("path", "nowhere.csv")), new TestContext("data", 1, folder));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, source::load);
        assertEquals("path", e.parameter());
        assertTrue(e.getMessage().contains("nowhere.csv"), e.getMessage());
    }

    @Test
    void aHeaderWithoutRowsIsDataOfNoObservationsWithItsColumns() throws IOException {
        Dataset d = load("x1,x2,y\n\n", "y");
        assertEquals(0, d.rows());
        assertEquals(2, d.columns());
        assertEquals(0, load("value\n", null).rows());
    }

    @Test
    void anOverLongLineIsRefusedNamingItsLineWithoutReadingItWhole() throws IOException {
        Files.writeString(folder.resolve("long.csv"), "x,y\n1,2\n" + "1".repeat(5000) + ",2\n3,4\n");
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () ->
                new CsvFile(folder.resolve("long.csv"), "y", 1 << 20, 1000).load());
        assertEquals("path", e.parameter());
        assertTrue(e.getMessage().contains("long.csv line 3: longer than 1000 characters"), e.getMessage());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Files.writeString(folder.resolve("big.csv"), "x,y\n" + "1,2\n".repeat(100));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () ->
                new CsvFile(folder.resolve("big.csv"), "y", 100, 1000).load());
        assertTrue(e.getMessage().contains("big.csv is 404 bytes, more than the limit of 100 bytes"), e.getMessage());
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = folder.resolve("pipe.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new CsvFile(fifo, "y").load());
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    @Test
    void linesEndAtLineFeedsCarriageReturnsOrBoth() throws IOException {
        BoundedLines lines = new BoundedLines(new java.io.StringReader("a\r\nb\rc\n\nd"), 10, 100);
        java.util.List<String> read = new java.util.ArrayList<>();
        for (String l = lines.next(); l != null; l = lines.next()) {
            read.add(l);
        }
        assertEquals(java.util.List.of("a", "b", "c", "", "d"), read);
        assertEquals(5, lines.number());
    }

    @Test
    void aFolderIsNamedAsAFolder() throws IOException {
        Files.createDirectories(folder.resolve("data.csv"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () ->
                provider.create(Parameters.withDefaults(provider.parameters(), Map.of("path", "data.csv")),
                        new TestContext("data", 1, folder)).load());
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void aFileThatIsNotACsvIsNeverEchoedWhole() {
        String line = "root:*:20228:0:99999:7:::" + "x".repeat(200);
        InvalidParameterException e = rejected(line + "\n1\n", "y");
        assertTrue(!e.getMessage().contains("x".repeat(40)), e.getMessage());
        assertTrue(e.getMessage().contains("root:*:20228:0:99999:7:::xxxx..."), e.getMessage());
    }

    @Test
    void numbersAreDecimalsOnly() {
        for (String good : new String[] {"1", "-1.5", "+.5", "2.", "3e-1", "1E+10"}) {
            assertTrue(CsvFile.isNumber(good), good);
        }
        for (String bad : new String[] {"", "-", ".", "e1", "1e", "NaN", "Infinity", "0x10", "1d", "1.2.3", "\u0661"}) {
            assertTrue(!CsvFile.isNumber(bad), bad);
        }
    }
}

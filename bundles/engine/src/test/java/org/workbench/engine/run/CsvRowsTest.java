package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.Cells;

/**
 * A generated table's CSV is, byte for byte, a header and one line of {@link DoubleText}
 * values (Java 19+'s Double.toString on every JDK) per row, whether formatted a block at a time on one thread or on two, and cells that the
 * API reads in row order are read in row order.
 */
class CsvRowsTest {
    private static final int ROWS = 2 * CsvRows.BLOCK_VALUES + 4321;

    @Test
    void theTextIsThatOfDoubleToStringRowByRowOnOneThreadOrTwo() {
        double[] x = values(ROWS * 2);
        Cells cells = (r, c) -> x[r * 2 + c];
        byte[] expected = reference(List.of("x1", "y"), ROWS, cells);
        assertArrayEquals(expected, csv(List.of("x1", "y"), ROWS, cells, false));
        assertArrayEquals(expected, csv(List.of("x1", "y"), ROWS, cells, true));
    }

    @Test
    void aWideTableIsCutIntoBlocksOfWholeRows() {
        int width = 3000;
        int rows = 3 * CsvRows.BLOCK_VALUES / width + 5;
        double[] x = values(rows * width);
        List<String> columns = new java.util.ArrayList<>();
        for (int j = 1; j <= width; j++) {
            columns.add("x" + j);
        }
        Cells cells = (r, c) -> x[r * width + c];
        assertArrayEquals(reference(columns, rows, cells), csv(columns, rows, cells, true));
    }

    @Test
    void smallAndEmptyTablesAndUnusualValues() {
        double[] x = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 1e23,
                Double.MIN_VALUE, Double.MAX_VALUE, 2.0E-3};
        Cells cells = (r, c) -> x[r];
        for (int rows : new int[] {0, 1, x.length}) {
            assertArrayEquals(reference(List.of("value"), rows, cells), csv(List.of("value"), rows, cells, true));
            assertArrayEquals(reference(List.of("value"), rows, cells), csv(List.of("value"), rows, cells, false));
        }
    }

    @Test
    void cellsThatAreNotRandomAccessAreReadOnceInRowOrder() {
        double[] x = values(ROWS);
        int[] next = {0};
        Cells inOrder = (r, c) -> {
            assertEquals(next[0], r, "rows are read in order");
            next[0]++;
            return x[r];
        };
        csv(List.of("value"), ROWS, inOrder, false);
        assertEquals(ROWS, next[0]);
    }

    private static double[] values(int n) {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 + random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
        }
        return x;
    }

    private static byte[] csv(List<String> columns, int rows, Cells cells, boolean randomAccess) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRows.write(out, columns, rows, cells, randomAccess);
        return out.toByteArray();
    }

    /** The text as the engine wrote it before: a string per line. */
    private static byte[] reference(List<String> columns, int rows, Cells cells) {
        StringBuilder s = new StringBuilder(String.join(",", columns)).append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                s.append(c > 0 ? "," : "").append(DoubleText.of(cells.value(r, c)));
            }
            s.append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}

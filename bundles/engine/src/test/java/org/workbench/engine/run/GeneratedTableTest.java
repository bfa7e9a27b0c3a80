package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.Cells;
import org.workbench.engine.output.DoubleText;

/**
 * A generated table's record: the SHA-256 of its values as float64 little-endian, row after row
 * (what numpy hashes for {@code np.asarray(x, '<f8').tobytes()}), read once in row order, and its
 * CSV (a header, then a line of {@link DoubleText} values per row) only while that CSV fits the limit.
 */
class GeneratedTableTest {
    private static final int ROWS = 3 * GeneratedTable.BLOCK_VALUES + 4321;

    @Test
    void theHashIsNumpysSha256OfTheFloat64LittleEndianValues() {
        double[][] x = {{1.5, -0.0}, {0.1, 2e23}, {Double.NaN, -1e-300}};
        GeneratedTable.Digest d = GeneratedTable.of(List.of("x1", "y"), 3, (r, c) -> x[r][c], 1 << 20);
        // python3 -c "import numpy as np, hashlib; print(hashlib.sha256(np.array([[1.5,-0.0],[0.1,2e23],
        //     [np.nan,-1e-300]], '<f8').tobytes()).hexdigest())"
        assertEquals("841b8595e8562b45c26908404d9fa09564d3ae12bfa0a6c393c97fa8bb408eca", d.sha256());
        assertEquals(48, d.bytes());
        assertEquals("x1,y\n1.5,-0.0\n0.1,2.0E23\nNaN,-1.0E-300\n", new String(d.csv(), StandardCharsets.US_ASCII));
        double otherNaN = Double.longBitsToDouble(0x7ff0000000000123L);
        assertEquals(d.sha256(), GeneratedTable.of(List.of("x1", "y"), 3,
                (r, c) -> r == 2 && c == 0 ? otherNaN : x[r][c], 1 << 20).sha256(), "every NaN hashes as the canonical one");
    }

    @Test
    void aLargeTableIsHashedBlockByBlockAndReadOnceInRowOrderWithoutItsCsv() throws Exception {
        double[] x = values(ROWS * 2);
        int[] next = {0};
        Cells inOrder = (r, c) -> {
            assertEquals(next[0], r * 2 + c, "cells are read once, in row order");
            next[0]++;
            return x[r * 2 + c];
        };
        GeneratedTable.Digest d = GeneratedTable.of(List.of("x1", "y"), ROWS, inOrder, 1 << 20);
        assertEquals(ROWS * 2, next[0]);
        assertEquals(sha256(x), d.sha256());
        assertEquals(16L * ROWS, d.bytes());
        assertNull(d.csv(), "the CSV is past the limit: not kept");
    }

    @Test
    void theCsvIsKeptExactlyWhileItFitsTheLimit() {
        int rows = GeneratedTable.BLOCK_VALUES + 17;
        double[] x = values(rows);
        Cells cells = (r, c) -> x[r];
        byte[] csv = reference(List.of("value"), rows, cells);
        assertArrayEquals(csv, GeneratedTable.of(List.of("value"), rows, cells, Long.MAX_VALUE).csv());
        assertArrayEquals(csv, GeneratedTable.of(List.of("value"), rows, cells, csv.length).csv());
        assertNull(GeneratedTable.of(List.of("value"), rows, cells, csv.length - 1).csv());
    }

    @Test
    void wideAndEmptyTables() throws Exception {
        int width = GeneratedTable.BLOCK_VALUES + 5;
        double[] x = values(3 * width);
        List<String> columns = new java.util.ArrayList<>();
        for (int j = 1; j <= width; j++) {
            columns.add("x" + j);
        }
        Cells cells = (r, c) -> x[r * width + c];
        GeneratedTable.Digest d = GeneratedTable.of(columns, 3, cells, Long.MAX_VALUE);
        assertEquals(sha256(x), d.sha256());
        assertArrayEquals(reference(columns, 3, cells), d.csv());
        GeneratedTable.Digest empty = GeneratedTable.of(List.of("value"), 0, cells, 1 << 20);
        assertEquals(sha256(new double[0]), empty.sha256());
        assertEquals("value\n", new String(empty.csv(), StandardCharsets.US_ASCII));
    }

    private static double[] values(int n) {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 + random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
        }
        return x;
    }

    /** The SHA-256 of the values as float64 little-endian, through a ByteBuffer. */
    static String sha256(double[] x) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(x.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            b.putDouble(v);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    /** The CSV as the engine wrote it before: a string per line. */
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

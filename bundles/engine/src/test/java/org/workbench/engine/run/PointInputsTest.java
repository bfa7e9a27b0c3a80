package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.Cells;
import org.workbench.engine.output.DoubleText;

/**
 * The records of a point's inputs are the same whether they are computed at the call or beside the
 * run (a file's hash, a layer's initial weights hashed while training starts): each table is
 * the state of its cells when the component handed them over, in the order recorded, and a table
 * small enough to keep is kept byte for byte.
 */
class PointInputsTest {
    @TempDir
    Path folder;

    @Test
    void aComponentsLargeTableIsRecordedAsItWasWhenHandedOverThoughFormattedBesideTheRun() throws Exception {
        int rows = 256;
        int width = 40;
        assertTrue((long) rows * width >= PointInputs.DEFER_CELLS_MIN, "the table is large enough to be hashed beside the run");
        double[] w = values(rows * width);
        double[] original = w.clone();
        List<String> columns = columns(width);
        int[] next = {0};
        Cells inRowOrder = (r, c) -> {
            assertEquals(next[0], r * width + c, "cells are read once, in row order");
            next[0]++;
            return w[r * width + c];
        };
        PointInputs inputs = new PointInputs(folder, "");
        inputs.generated("network[0]", 42L, "W", columns, rows, inRowOrder);
        assertEquals(rows * width, next[0], "every cell is read before generated returns");
        // training changes the weights right away: the record is of those handed over
        java.util.Arrays.fill(w, 0.5);

        InputRecord record = inputs.records().get(0);
        byte[] expected = reference(columns, rows, original);
        assertEquals(GeneratedTableTest.sha256(original), record.sha256(), "the hash of the values as float64 LE");
        assertEquals(GeneratedTable.HASH, record.hash());
        assertEquals(8L * rows * width, record.bytes());
        assertEquals(rows, record.rows());
        assertEquals(width, record.columns());
        assertEquals(42L, record.seed());
        assertEquals("inputs/network-0-W.csv", record.artifact());
        assertArrayEquals(expected, Files.readAllBytes(folder.resolve("inputs/network-0-W.csv")));
    }

    @Test
    void filesAndTablesKeepTheOrderTheyWereRecordedInAndALaterTableReplacesAnEarlierOne() throws Exception {
        Path file = folder.resolve("data.bin");
        byte[] bytes = new byte[300_000];
        new SplittableRandom(3).nextBytes(bytes);
        Files.write(file, bytes);
        int width = 60;
        int rows = 1200;
        double[] big = values(rows * width);
        double[] replaced = values(rows * width);
        replaced[7] = 123.0;
        PointInputs inputs = new PointInputs(folder, "points/2/");
        inputs.read("data", file);
        inputs.generated("network[0]", 1L, "W", columns(width), rows, (r, c) -> big[r * width + c]);
        inputs.generated("network[0]", 1L, "b", List.of("b"), 3, (r, c) -> r);
        inputs.read("data", file);
        inputs.generated("network[0]", 1L, "W", columns(width), rows, (r, c) -> replaced[r * width + c]);

        List<InputRecord> records = inputs.records();
        assertEquals(3, records.size(), "a file read twice by a role is one input; a table given again replaces the first");
        assertEquals(file.toAbsolutePath().normalize().toString(), records.get(0).path());
        assertEquals(sha256(bytes), records.get(0).sha256());
        assertEquals(bytes.length, records.get(0).bytes());
        assertEquals("W", records.get(1).generated());
        assertEquals(GeneratedTableTest.sha256(replaced), records.get(1).sha256());
        assertNull(records.get(0).hash(), "a file's hash is of its bytes");
        assertNull(records.get(1).artifact(), "past 1 MB of CSV only the hash is kept");
        assertEquals("b", records.get(2).generated());
        assertEquals("points/2/inputs/network-0-b.csv", records.get(2).artifact());
        assertEquals("b\n0.0\n1.0\n2.0\n", Files.readString(folder.resolve("inputs/network-0-b.csv")));
        assertEquals(records, inputs.records(), "asking again gives the same records");
    }

    private static List<String> columns(int width) {
        List<String> columns = new java.util.ArrayList<>();
        for (int j = 1; j <= width; j++) {
            columns.add("w" + j);
        }
        return columns;
    }

    private static double[] values(int n) {
        SplittableRandom random = new SplittableRandom(11);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * 0.01);
        }
        return x;
    }

    private static byte[] reference(List<String> columns, int rows, double[] x) {
        StringBuilder s = new StringBuilder(String.join(",", columns)).append('\n');
        int width = columns.size();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                s.append(c > 0 ? "," : "").append(DoubleText.of(x[r * width + c]));
            }
            s.append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npz files read back bit for bit, their headers are numpy's, and numpy reads them where it is installed. */
class NpzTest {
    @TempDir
    Path folder;

    @Test
    void arraysReadBackBitForBit() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w", NpyArray.ofFloats(new float[] {1.5f, -0f, Float.MIN_VALUE, 3e38f, 7, 8}, 6, 2, 3));
        arrays.put("b", NpyArray.ofDoubles(new double[] {Math.PI, Double.NaN}, 2, 2));
        arrays.put("order", NpyArray.ofInts(new int[] {3, 1, 2, 0}));
        arrays.put("epoch", NpyArray.ofLong(-5));
        Path file = folder.resolve("a.npz");
        Npz.write(file, arrays);
        Map<String, NpyArray> back = Npz.read(file);
        assertEquals(List.of("w", "b", "order", "epoch"), List.copyOf(back.keySet()));
        assertArrayEquals(arrays.get("w").floats(), back.get("w").floats());
        assertArrayEquals(new int[] {2, 3}, back.get("w").shape());
        assertArrayEquals(arrays.get("b").doubles(), back.get("b").doubles());
        assertArrayEquals(new int[] {3, 1, 2, 0}, back.get("order").ints());
        assertEquals(-5, back.get("epoch").longValue());
        assertArrayEquals(new int[0], back.get("epoch").shape());
    }

    @Test
    void headersAreNumpysAlignedTo64Bytes() {
        byte[] h = Npz.header(NpyArray.ofInts(new int[] {1, 2, 3}));
        assertEquals(0, h.length % 64);
        String dict = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", dict.strip());
        assertEquals('\n', dict.charAt(dict.length() - 1));
    }

    @Test
    void aFileThatIsNotNpyIsRefusedWithItsName() throws IOException {
        Path file = folder.resolve("bad.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("x.npy"));
            zip.write("not numpy".getBytes(StandardCharsets.US_ASCII));
        }
        IOException e = assertThrows(IOException.class, () -> Npz.read(file));
        assertEquals(file + ": x.npy is not a .npy array (no numpy magic)", e.getMessage());
    }
}

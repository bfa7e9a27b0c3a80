package org.workbench.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.InvalidParameterException;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.testing.ProviderContract;
import org.workbench.api.testing.TestContext;

/** The loader on small IDX files that the tests write themselves (never the real data). */
class FashionMnistTest extends ProviderContract<DataSource> {
    @TempDir
    Path folder;

    @Override
    protected Provider<DataSource> provider() {
        return new FashionMnistProvider();
    }

    @Test
    void readsGzipFilesScalesPixelsAndAttachesTheTestSet() throws IOException {
        writeSet(folder, "train", 5, 3, 2, true);
        writeSet(folder, "t10k", 2, 3, 2, true);
        Dataset d = load(Map.of("path", folder.toString()));
        assertEquals(5, d.rows());
        assertEquals(6, d.columns());
        assertEquals(2, d.test().rows());
        // stored as the file's bytes times the float 1/255: within a float rounding of pixel / 255
        assertEquals(pixel(1, 4) / 255.0, d.x(1, 4), 1e-7);
        assertNotNull(d.byteFeatures(), "pixels kept as bytes");
        assertNull(d.floatFeatures());
        assertEquals(1.0, Arrays.stream(d.features()).max().orElseThrow(), 0.0);
        assertEquals(0.0, Arrays.stream(d.features()).min().orElseThrow(), 0.0);
        assertEquals(3.0, d.targets()[3], 0.0);
        assertEquals(1.0, d.test().targets()[1], 0.0);
    }

    @Test
    void readsPlainFilesAndHonoursLimitsAndRelativePaths() throws IOException {
        Path sub = Files.createDirectories(folder.resolve("fm"));
        writeSet(sub, "train", 7, 2, 2, false);
        writeSet(sub, "t10k", 4, 2, 2, false);
        DataSource source = provider().create(Parameters.withDefaults(provider().parameters(),
                Map.of("path", "fm", "trainLimit", 3L, "testLimit", 10L)), new TestContext("data", 1, folder));
        Dataset d = source.load();
        assertEquals(3, d.rows());
        assertEquals(4, d.test().rows());
        assertEquals(pixel(2, 3) / 255.0, d.x(2, 3), 1e-7);
    }

    @Test
    void absentFilesSayHowToGetThem() throws IOException {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.resolve("nowhere").toString())));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        writeSet(folder, "train", 2, 2, 2, true);
        e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.toString())));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void aTruncatedImageFileIsReportedWithTheMissingBytes() throws IOException {
        writeSet(folder, "train", 5, 3, 2, true);
        writeSet(folder, "t10k", 2, 3, 2, true);
        byte[] images = idx(IdxFile.IMAGES_MAGIC, new int[] {5, 3, 2}, 20);
        write(folder.resolve("train-images-idx3-ubyte.gz"), images, true);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.toString())));
        assertTrue(e.getMessage().contains("truncated: the header announces 5 items of 6 bytes (30 bytes of data) "
                + "but the file ends after 20 bytes of data"), e.getMessage());
    }

    @Test
    void aTruncatedGzipStreamIsReported() throws IOException {
        writeSet(folder, "train", 50, 3, 2, true);
        writeSet(folder, "t10k", 2, 3, 2, true);
        Path file = folder.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.toString())));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aForeignFileIsReportedByItsMagicNumber() throws IOException {
        writeSet(folder, "train", 5, 3, 2, true);
        writeSet(folder, "t10k", 2, 3, 2, true);
        Files.copy(folder.resolve("train-labels-idx1-ubyte.gz"), folder.resolve("train-images-idx3-ubyte.gz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.toString())));
        assertTrue(e.getMessage().contains("magic number 0x00000801 where 0x00000803 was expected (it holds labels"),
                e.getMessage());
        write(folder.resolve("train-images-idx3-ubyte.gz"), "<html>not found</html>".getBytes(), true);
        e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.toString())));
        assertTrue(e.getMessage().contains("not an IDX file of images"), e.getMessage());
    }

    @Test
    void mismatchedCountsAndForeignLabelsAreReported() throws IOException {
        writeSet(folder, "train", 5, 3, 2, true);
        writeSet(folder, "t10k", 2, 3, 2, true);
        write(folder.resolve("train-labels-idx1-ubyte.gz"), idx(IdxFile.LABELS_MAGIC, new int[] {4}, 4), true);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.toString())));
        assertTrue(e.getMessage().contains("train has 5 images but 4 labels"), e.getMessage());
        byte[] labels = idx(IdxFile.LABELS_MAGIC, new int[] {5}, 5);
        labels[labels.length - 1] = 12;
        write(folder.resolve("train-labels-idx1-ubyte.gz"), labels, true);
        e = assertThrows(InvalidParameterException.class, () -> load(Map.of("path", folder.toString())));
        assertTrue(e.getMessage().contains("label 4 is 12, outside 0..9"), e.getMessage());
    }

    private Dataset load(Map<String, Object> with) throws IOException {
        return provider().create(Parameters.withDefaults(provider().parameters(), with), context()).load();
    }

    private static int pixel(int item, int k) {
        return (item * 37 + k * 101) % 256;
    }

    private static void writeSet(Path dir, String prefix, int n, int rows, int cols, boolean gzip) throws IOException {
        byte[] images = idx(IdxFile.IMAGES_MAGIC, new int[] {n, rows, cols}, n * rows * cols);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rows * cols; k++) {
                images[16 + i * rows * cols + k] = (byte) pixel(i, k);
            }
        }
        images[16] = (byte) 255;
        images[17] = 0;
        byte[] labels = idx(IdxFile.LABELS_MAGIC, new int[] {n}, n);
        for (int i = 0; i < n; i++) {
            labels[8 + i] = (byte) (i % 10);
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte" + (gzip ? ".gz" : "")), images, gzip);
        write(dir.resolve(prefix + "-labels-idx1-ubyte" + (gzip ? ".gz" : "")), labels, gzip);
    }

    /** An IDX file with the given header followed by {@code dataBytes} zero bytes. */
    private static byte[] idx(int magic, int[] dims, int dataBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(new byte[dataBytes]);
        return bytes.toByteArray();
    }

    private static void write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
    }
}

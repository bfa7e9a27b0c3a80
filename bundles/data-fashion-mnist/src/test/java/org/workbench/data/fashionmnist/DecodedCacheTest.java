package org.workbench.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.Dataset;
import org.workbench.api.testing.TestContext;

/**
 * Fashion-MNIST's gzip files are decoded once into the cache folder and read from there by later
 * loads; a changed source, a damaged entry or a folder that cannot be written never changes what is
 * loaded.
 */
class DecodedCacheTest {
    @TempDir
    Path data;
    @TempDir
    Path cacheRoot;

    @Test
    void theFirstLoadDecodesIntoTheCacheAndLaterLoadsReadTheDecodedFiles() throws IOException {
        writeSet("train", 6, 7);
        writeSet("t10k", 3, 8);
        DecodedCache cache = new DecodedCache(cacheRoot.resolve("fashion-mnist"));
        Dataset first = load(cache);
        List<Path> entries = entries(cache);
        assertEquals(4, entries.size(), "one decoded file per gzip file: " + entries);
        Path images = entry(entries, "-train-images-idx3-ubyte");
        assertArrayEquals(gunzip(data.resolve("train-images-idx3-ubyte.gz")), Files.readAllBytes(images));

        // a later load reads the decoded file, not the gzip one: change a pixel in the entry alone
        byte[] decoded = Files.readAllBytes(images);
        decoded[16 + 2 * 16 + 1] = (byte) 255;
        Files.write(images, decoded);
        Dataset second = load(cache);
        assertEquals(1.0, second.x(2, 1), 1e-7, "the pixel came from the cache");
        assertNotEquals(1.0, first.x(2, 1), 1e-7);
        assertEquals(first.x(3, 2), second.x(3, 2), 0.0);
        assertArrayEquals(first.targets(), second.targets(), 0.0);
        assertEquals(entries, entries(cache), "nothing decoded again");
    }

    @Test
    void aChangedSourceIsDecodedAgainAndItsOldEntryDeleted() throws IOException {
        writeSet("train", 6, 7);
        writeSet("t10k", 3, 8);
        DecodedCache cache = new DecodedCache(cacheRoot.resolve("fashion-mnist"));
        load(cache);
        Path before = entry(entries(cache), "-train-images-idx3-ubyte");
        // the same size, the same modification time: only the data (and its CRC in the gzip trailer) differ
        Path source = data.resolve("train-images-idx3-ubyte.gz");
        FileTime time = Files.getLastModifiedTime(source);
        writeSet("train", 6, 9);
        Files.setLastModifiedTime(source, time);
        Dataset d = load(cache);
        assertEquals(pixel(1, 3, 9) / 255.0, d.x(1, 3), 1e-7);
        List<Path> entries = entries(cache);
        assertEquals(4, entries.size(), "the older entry of the same file is gone: " + entries);
        assertTrue(!entries.contains(before));
    }

    @Test
    void aDamagedEntryIsDecodedAgainAndAFolderThatCannotBeWrittenLeavesTheSourceRead() throws IOException {
        writeSet("train", 6, 7);
        writeSet("t10k", 3, 8);
        DecodedCache cache = new DecodedCache(cacheRoot.resolve("fashion-mnist"));
        Dataset reference = load(cache);
        Path images = entry(entries(cache), "-train-images-idx3-ubyte");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, 20));
        assertArrayEquals(reference.features(), load(cache).features(), 0.0);
        assertArrayEquals(whole, Files.readAllBytes(images), "decoded again, whole");

        Path blocked = Files.writeString(cacheRoot.resolve("a-file"), "not a folder");
        DecodedCache unusable = new DecodedCache(blocked.resolve("fashion-mnist"));
        Dataset d = load(unusable);
        assertArrayEquals(reference.features(), d.features(), 0.0);
        assertArrayEquals(reference.test().targets(), d.test().targets(), 0.0);
    }

    @Test
    void plainFilesAreReadAsTheyAreAndTheUserCacheFolderFollowsTheSystemProperty() throws IOException {
        writeSet("train", 4, 7);
        writeSet("t10k", 2, 8);
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.write(data.resolve(name), gunzip(data.resolve(name + ".gz")));
            Files.delete(data.resolve(name + ".gz"));
        }
        DecodedCache cache = new DecodedCache(cacheRoot.resolve("fashion-mnist"));
        assertEquals(4, load(cache).rows());
        assertTrue(!Files.exists(cache.folder()), "nothing to decode");
        String property = System.getProperty("workbench.cache");
        if (property != null) {
            assertEquals(Path.of(property, "fashion-mnist"), DecodedCache.inUserCache().folder());
        }
    }

    private Dataset load(DecodedCache cache) throws IOException {
        return new FashionMnist(data, Integer.MAX_VALUE, Integer.MAX_VALUE, new TestContext("data", 1, data), cache).load();
    }

    private static List<Path> entries(DecodedCache cache) throws IOException {
        try (Stream<Path> s = Files.list(cache.folder())) {
            return s.sorted().toList();
        }
    }

    private static Path entry(List<Path> entries, String suffix) {
        return entries.stream().filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
    }

    private static int pixel(int item, int k, int salt) {
        return (item * 37 + k * salt * 13) % 256;
    }

    private void writeSet(String prefix, int n, int salt) throws IOException {
        int pixels = 4 * 4;
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(images);
        out.writeInt(IdxFile.IMAGES_MAGIC);
        out.writeInt(n);
        out.writeInt(4);
        out.writeInt(4);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < pixels; k++) {
                out.write(pixel(i, k, salt));
            }
        }
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream l = new DataOutputStream(labels);
        l.writeInt(IdxFile.LABELS_MAGIC);
        l.writeInt(n);
        for (int i = 0; i < n; i++) {
            l.write((i + salt) % 10);
        }
        gzip(data.resolve(prefix + "-images-idx3-ubyte.gz"), images.toByteArray());
        gzip(data.resolve(prefix + "-labels-idx1-ubyte.gz"), labels.toByteArray());
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}

package org.workbench.data.fashionmnist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.workbench.api.InvalidParameterException;

/**
 * Reads an IDX file of unsigned bytes (gzip-compressed or plain): checks the magic number
 * (0x0000 08 dd, type unsigned byte, dd dimensions), reads the dimensions, and reads the first
 * {@code limit} items, saying precisely what is wrong with a foreign or truncated file.
 */
final class IdxFile {
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    static final int LABELS_MAGIC = 0x00000801;
    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    static final int IMAGES_MAGIC = 0x00000803;
    private static final int BUFFER = 1 << 16;
    /** The most read in one call (see {@link #readFully}). */
    private static final int CHUNK = 1 << 20;

    final int[] dimensions;
    final byte[] data;

    private IdxFile(int[] dimensions, byte[] data) {
        this.dimensions = dimensions;
        this.data = data;
    }

    /** The number of items (the first dimension) read. */
    int items() {
        return dimensions[0];
    }

    /**
     * Reads at most {@code limit} items of a file with the given magic number.
     *
     * @throws IOException naming the file and the fault: not gzip, foreign magic, truncated
     */
    static IdxFile read(Path file, int expectedMagic, int limit) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
                InputStream in = open(raw, file)) {
            byte[] head = in.readNBytes(4);
            if (head.length < 4) {
                throw new InvalidParameterException("path", file + ": truncated: " + head.length + " bytes where an IDX header starts");
            }
            int magic = toInt(head, 0);
            if (magic != expectedMagic) {
                throw new InvalidParameterException("path", file + ": not an IDX file of " + describe(expectedMagic) + ": magic number "
                        + hex(magic) + " where " + hex(expectedMagic) + " was expected"
                        + (magic >>> 16 == 0 && (magic >>> 8 & 0xff) == 0x08 ? " (it holds " + describe(magic) + ")" : ""));
            }
            int dims = expectedMagic & 0xff;
            byte[] header = in.readNBytes(4 * dims);
            if (header.length < 4 * dims) {
                throw new InvalidParameterException("path", file + ": truncated: the header needs " + 4 * dims + " bytes of dimensions after the magic number, the file has "
                        + header.length);
            }
            int[] d = new int[dims];
            long itemSize = 1;
            for (int i = 0; i < dims; i++) {
                d[i] = toInt(header, 4 * i);
                if (d[i] < 0) {
                    throw new InvalidParameterException("path", file + ": dimension " + i + " is negative (" + d[i] + ")");
                }
                if (i > 0) {
                    itemSize *= d[i];
                }
            }
            int count = Math.min(d[0], limit);
            long bytes = count * itemSize;
            if (bytes > Integer.MAX_VALUE - 16) {
                throw new InvalidParameterException("path", file + ": " + count + " items of " + itemSize + " bytes do not fit in memory at once");
            }
            byte[] data = new byte[(int) bytes];
            int read = readFully(in, data, file);
            if (read < bytes) {
                long whole = (long) d[0] * itemSize;
                throw new InvalidParameterException("path", file + ": truncated: the header announces " + d[0] + " items of " + itemSize
                        + " bytes (" + whole + " bytes of data) but the file ends after " + read + " bytes of data");
            }
            d[0] = count;
            return new IdxFile(d, data);
        }
    }

    private static InputStream open(InputStream raw, Path file) throws IOException {
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(raw, BUFFER);
        }
        return raw;
    }

    /**
     * Reads into the whole of {@code data} (no intermediate copies: the images are 47 MB); returns
     * how many bytes were read. A chunk at a time: a plain file's stream would otherwise read all of
     * it through one temporary native buffer of its size, which stays allocated with the thread.
     */
    private static int readFully(InputStream in, byte[] data, Path file) throws IOException {
        try {
            int read = 0;
            while (read < data.length) {
                int want = Math.min(CHUNK, data.length - read);
                int n = in.readNBytes(data, read, want);
                read += n;
                if (n < want) {
                    break;
                }
            }
            return read;
        } catch (EOFException | ZipException e) {
            throw new InvalidParameterException("path", file + ": the gzip stream is truncated or corrupt (" + e.getMessage() + ")");
        }
    }

    private static int toInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | b[off + 3] & 0xff;
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }

    private static String describe(int magic) {
        int dims = magic & 0xff;
        return dims == 1 ? "labels (unsigned bytes, 1 dimension)"
                : dims == 3 ? "images (unsigned bytes, 3 dimensions)" : "unsigned bytes in " + dims + " dimensions";
    }
}

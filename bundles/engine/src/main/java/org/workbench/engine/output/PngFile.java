package org.workbench.engine.output;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an RGB image ({@link BufferedImage#TYPE_INT_RGB}, as the charts are painted) as a PNG file:
 * 8 bits a channel, its pixel density in a {@code pHYs} chunk, each row with PNG's "Sub" filter
 * (the difference from the pixel to its left, which turns a chart's flat areas and horizontal lines
 * into runs of zeros) and deflated at ImageIO's default level. ImageIO's PNG writer tries all five
 * filters on every row and keeps the best: most of a plot's cost in Java code when a run is short
 * (a run of problem 1 spent more time there than anywhere else, measured with JFR). The pixels are
 * the same; the file is a little larger.
 */
public final class PngFile {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** ImageIO's PNG writer's default deflate level. */
    private static final int LEVEL = 4;
    private static final int CHUNK = 1 << 16;

    private PngFile() {
    }

    /**
     * Writes {@code image} to {@code file}.
     *
     * @param dpi the pixel density recorded in the file (pixels per inch)
     * @throws IllegalArgumentException when the image is not {@link BufferedImage#TYPE_INT_RGB}
     */
    public static void write(BufferedImage image, int dpi, Path file) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("PngFile writes images of TYPE_INT_RGB, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = ((SinglePixelPackedSampleModel) image.getSampleModel()).getScanlineStride();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
            out.write(SIGNATURE);
            chunk(out, "IHDR", header(width, height));
            chunk(out, "pHYs", density(dpi));
            Deflater deflater = new Deflater(LEVEL);
            try (OutputStream idat = new DeflaterOutputStream(new Chunks(out, "IDAT"), deflater, CHUNK)) {
                byte[] row = new byte[1 + 3 * width];
                row[0] = 1; // Sub
                for (int y = 0; y < height; y++) {
                    int at = y * stride;
                    for (int x = 0, i = 1; x < width; x++, i += 3) {
                        int p = pixels[at + x];
                        row[i] = (byte) (p >>> 16);
                        row[i + 1] = (byte) (p >>> 8);
                        row[i + 2] = (byte) p;
                    }
                    for (int i = row.length - 1; i > 3; i--) {
                        row[i] -= row[i - 3];
                    }
                    idat.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IEND", new byte[0]);
        }
    }

    private static byte[] header(int width, int height) {
        byte[] h = new byte[13];
        putInt(h, 0, width);
        putInt(h, 4, height);
        h[8] = 8; // bits per channel
        h[9] = 2; // RGB; compression, filter method and interlace stay 0
        return h;
    }

    private static byte[] density(int dpi) {
        byte[] d = new byte[9];
        int perMetre = (int) Math.round(dpi / 0.0254);
        putInt(d, 0, perMetre);
        putInt(d, 4, perMetre);
        d[8] = 1; // the unit is the metre
        return d;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        chunk(out, type, data, 0, data.length);
    }

    private static void chunk(OutputStream out, String type, byte[] data, int off, int len) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, off, len);
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(len);
        d.write(name);
        d.write(data, off, len);
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    /** What is written to it goes out as chunks of one type, one per write (the deflater writes at most 64 KB at once). */
    private static final class Chunks extends OutputStream {
        private final OutputStream out;
        private final String type;

        Chunks(OutputStream out, String type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                chunk(out, type, b, off, len);
            }
        }

        @Override
        public void close() {
            // the file is closed by its owner, after IEND
        }
    }
}

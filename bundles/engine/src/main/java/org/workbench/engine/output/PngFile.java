package org.workbench.engine.output;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
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
 * 8 bits a channel, its pixel density in a {@code pHYs} chunk, rows unfiltered and deflated at ImageIO's
 * default level. ImageIO's PNG writer tries all five filters on every row and keeps the best: most of a
 * plot's cost in Java code when a run is short.
 *
 * <p>No loop over the pixels runs in Java: the image's red-green-blue words are read as blue-green-red
 * ({@link BufferedImage#TYPE_INT_BGR}, the same array) and Java2D's native blit copies them into a
 * {@link BufferedImage#TYPE_3BYTE_BGR} image, whose bytes are then red, green, blue in PNG's order; the
 * deflater is native too. The earlier writer's per-byte loop (PNG's "Sub" filter) ran interpreted until
 * the quick JIT of a short run compiled it mid-loop, which depended on the compiler's queue: 80-95 ms of
 * CPU a chart when it came late, 15 ms compiled; this takes 20-30 ms in a run of problem 1 either way.
 * Unfiltered rows also deflate smaller than "Sub" for a chart (its flat areas are runs of one byte either
 * way, and its lines repeat the row above), about as small as ImageIO's best filter a row. Hand-written
 * because it is a measured hot path; the pixels are the same.
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
        byte[] rgb = rgbBytes(image);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
            out.write(SIGNATURE);
            chunk(out, "IHDR", header(width, height));
            chunk(out, "pHYs", density(dpi));
            Deflater deflater = new Deflater(LEVEL);
            try (OutputStream idat = new DeflaterOutputStream(new Chunks(out, "IDAT"), deflater, CHUNK)) {
                int rowBytes = 3 * width;
                for (int y = 0; y < height; y++) {
                    idat.write(0); // the row's filter: None
                    idat.write(rgb, y * rowBytes, rowBytes);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IEND", new byte[0]);
        }
    }

    /**
     * The image's pixels as red, green, blue bytes, row after row without padding: its words read as
     * {@link BufferedImage#TYPE_INT_BGR} (so a word's low byte, the blue, counts as red) and drawn by
     * Java2D into a {@link BufferedImage#TYPE_3BYTE_BGR} image, which stores blue, green, red: the
     * word's red, green, blue. A sub-image is copied to an image of its own first. The runtime's
     * {@code org.workbench.runtime.GraphicsWarmUp#pngBytes} readies this same conversion (it cannot call this
     * class), so a change to either needs the same change to the other.
     */
    static byte[] rgbBytes(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        WritableRaster raster = image.getRaster();
        if (raster.getParent() != null || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            BufferedImage own = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            draw(image, own);
            image = own;
            raster = own.getRaster();
        }
        int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
        WritableRaster words = Raster.createPackedRaster(raster.getDataBuffer(), width, height, stride,
                new int[] {0xff, 0xff00, 0xff0000}, null);
        BufferedImage swapped = new BufferedImage(new DirectColorModel(24, 0xff, 0xff00, 0xff0000), words, false, null);
        BufferedImage bytes = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        draw(swapped, bytes);
        return ((DataBufferByte) bytes.getRaster().getDataBuffer()).getData();
    }

    /** Copies {@code from} onto {@code to} as it is (no blending). */
    private static void draw(BufferedImage from, BufferedImage to) {
        Graphics2D g = to.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(from, 0, 0, null);
        } finally {
            g.dispose();
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

package org.workbench.engine.run;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.workbench.api.Cells;
import org.workbench.engine.output.DoubleText;

/**
 * The record of a generated table, made in one pass over its cells in row order (each cell read
 * once): the SHA-256 of its values as IEEE-754 binary64 little-endian, row after row (NaN as the
 * one canonical NaN, {@link Double#doubleToLongBits}), which is what numpy's
 * {@code np.asarray(x, '<f8').tobytes()} hashes; and, while it stays within a limit, its CSV (a
 * header of its columns, then one line per row, each value as {@link DoubleText} writes it).
 * Hashing the numbers rather than their text makes a sample of 10^8 values cost what hashing 800
 * MB costs, not what formatting 10^8 decimals costs, and the hash cannot depend on the JDK's
 * formatting; only a table small enough to keep is formatted at all.
 */
final class GeneratedTable {
    /** How {@code provenance.inputs[].hash} names the hash of a generated table. */
    static final String HASH = "sha256 of float64 LE";
    /** Values per block (a block is at least one row): the table is read, hashed and formatted a block at a time. */
    static final int BLOCK_VALUES = 1 << 13;

    /**
     * @param sha256 the SHA-256 of the values, as hexadecimal
     * @param bytes  the number of bytes hashed (8 a value)
     * @param csv    the table's CSV, or {@code null} when it was longer than the limit
     */
    record Digest(String sha256, long bytes, byte[] csv) {
    }

    private GeneratedTable() {
    }

    /** The record of the table; its CSV is kept when it is at most {@code keepLimit} bytes. */
    static Digest of(List<String> columns, int rows, Cells cells, long keepLimit) {
        int width = columns.size();
        int blockRows = Math.max(1, BLOCK_VALUES / Math.max(1, width));
        double[] block = new double[(int) Math.min((long) rows * width, (long) blockRows * width)];
        byte[] le = new byte[block.length * Double.BYTES];
        DoubleBuffer leValues = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        MessageDigest digest = sha256();
        byte[] header = (String.join(",", columns) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream csv = header.length <= keepLimit ? new ByteArrayOutputStream() : null;
        StringBuilder text = csv == null ? null : new StringBuilder();
        if (csv != null) {
            csv.writeBytes(header);
        }
        for (int from = 0; from < rows;) {
            int to = (int) Math.min(rows, (long) from + blockRows);
            int n = 0;
            for (int r = from; r < to; r++) {
                for (int c = 0; c < width; c++) {
                    double v = cells.value(r, c);
                    // every NaN as the canonical one (Double.doubleToLongBits), so its bits are copied as they are
                    block[n++] = v == v ? v : Double.NaN;
                }
            }
            // a copy of the block's bytes (no byte swap on a little-endian machine)
            leValues.clear();
            leValues.put(block, 0, n);
            digest.update(le, 0, n * Double.BYTES);
            if (csv != null) {
                format(block, width, to - from, text);
                if (csv.size() + (long) text.length() > keepLimit) {
                    csv = null;
                    text = null;
                } else {
                    for (int i = 0; i < text.length(); i++) {
                        // every character of a double's text is ASCII
                        csv.write(text.charAt(i));
                    }
                }
            }
            from = to;
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), (long) rows * width * Double.BYTES,
                csv == null ? null : csv.toByteArray());
    }

    private static void format(double[] block, int width, int rows, StringBuilder text) {
        text.setLength(0);
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < width; c++, i++) {
                if (c > 0) {
                    text.append(',');
                }
                text.append(DoubleText.of(block[i]));
            }
            text.append('\n');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

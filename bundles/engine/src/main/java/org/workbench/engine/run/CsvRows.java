package org.workbench.engine.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.workbench.api.Cells;
import org.workbench.engine.output.Beside;

/**
 * A generated table as CSV text (a header of its columns, then one line per row, each value as
 * {@link DoubleText} writes it: Java 19+'s {@link Double#toString(double)}, the shortest decimal, on
 * every JDK), written to a stream in blocks of rows: no byte array per row, so a sample of 10^8
 * values costs what formatting its numbers costs. Cells
 * that may be read from two threads at once (a data set's arrays, not a component's own function,
 * which the API reads once in row order) are formatted a block on each of two threads, the blocks
 * still written in order: the bytes are the same either way.
 */
final class CsvRows {
    /**
     * Values per block (a block is at least one row): large enough that a thread per pair of blocks
     * costs nothing, small enough to hold two (about 1.5 MB of text each).
     */
    static final int BLOCK_VALUES = 1 << 16;

    private CsvRows() {
    }

    /**
     * Writes the table to {@code out}.
     *
     * @param randomAccess whether {@code cells} may be read out of row order, from two threads
     */
    static void write(OutputStream out, List<String> columns, int rows, Cells cells, boolean randomAccess) {
        try {
            out.write((String.join(",", columns) + "\n").getBytes(StandardCharsets.UTF_8));
            int width = columns.size();
            int blockRows = Math.max(1, BLOCK_VALUES / Math.max(1, width));
            // sized for the table: a point's sample of 20 values must not allocate megabytes
            int capacity = (int) Math.min(1 << 21, (long) Math.min(rows, blockRows) * Math.max(1, width) * 24);
            Block mine = new Block(capacity);
            Block other = randomAccess && rows > blockRows ? new Block(capacity) : null;
            for (int from = 0; from < rows;) {
                int to = (int) Math.min(rows, (long) from + blockRows);
                if (other != null && to < rows) {
                    int next = (int) Math.min(rows, (long) to + blockRows);
                    int start = to;
                    Beside<Void> beside = Beside.start("workbench-csv", () -> {
                        other.format(cells, width, start, next);
                        return null;
                    });
                    try {
                        mine.format(cells, width, from, to);
                    } finally {
                        beside.await();
                    }
                    beside.result();
                    mine.writeTo(out);
                    other.writeTo(out);
                    from = next;
                } else {
                    mine.format(cells, width, from, to);
                    mine.writeTo(out);
                    from = to;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a block of rows, kept as ASCII bytes. */
    private static final class Block {
        private final StringBuilder text;
        private byte[] bytes = new byte[0];
        private int length;

        Block(int capacity) {
            text = new StringBuilder(capacity);
        }

        void format(Cells cells, int width, int from, int to) {
            text.setLength(0);
            for (int r = from; r < to; r++) {
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        text.append(',');
                    }
                    text.append(DoubleText.of(cells.value(r, c)));
                }
                text.append('\n');
            }
            length = text.length();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            // every character of a double's text is ASCII
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) text.charAt(i);
            }
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
        }
    }
}

package org.workbench.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact copy of the values of the keys queried so far, beside the embedded store's file
 * ({@code runs.columns/<key id>.col}): each key's numbers with their row ids, and its texts as a dictionary
 * with a code per row. A condition on such a key is a scan of a few primitive arrays instead of a range of
 * the database's index: in a fresh JVM, H2 reading and decoding 100,000 index entries the first time costs
 * most of a second of CPU, the arrays a few milliseconds.
 *
 * <p>The copy is a cache of the store: each file carries the store's <em>state</em>, every row of
 * {@code wb_meta} (the schema's version and every results folder's write token, which every write to runs
 * replaces in its own transaction), and is used only while the store is in that state. A key whose file is
 * missing or stale is read again from the store whole and written under a temporary name and renamed, only
 * when the state did not move while it was read. A store without a write token (nothing written yet) keeps
 * no copy.
 */
final class ValueColumns {
    private static final int MAGIC = 0x57424331; // "WBC1"
    private final Path folder;
    private final String state;
    private final Map<Long, Column> loaded = new HashMap<>();

    private ValueColumns(Path folder, String state) {
        this.folder = folder;
        this.state = state;
    }

    /**
     * The columns of the embedded store at {@code url} in its current state, or {@code null} for a store that
     * keeps none (a server, an in-memory database, a store nothing was written to).
     */
    static ValueColumns of(Connection connection, String url) throws SQLException {
        Path folder = folder(url);
        if (folder == null) {
            return null;
        }
        String state = state(connection);
        return state.contains(RunStore.TOKEN) ? new ValueColumns(folder, state) : null;
    }

    /** The folder of the columns of the H2 file store at {@code url}, or {@code null} when it is not one. */
    static Path folder(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String file = url.substring("jdbc:h2:file:".length());
        int settings = file.indexOf(';');
        return Path.of((settings < 0 ? file : file.substring(0, settings)) + ".columns");
    }

    /** Every row of {@code wb_meta}, in order of name: what identifies the store's content. */
    static String state(Connection connection) throws SQLException {
        StringBuilder state = new StringBuilder();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, val FROM wb_meta ORDER BY name")) {
            while (rs.next()) {
                state.append(rs.getString(1)).append('=').append(rs.getString(2)).append('\n');
            }
        }
        return state.toString();
    }

    /** Whether a column answers {@code c} as the SQL of {@link WhereSql#valueTest} would: numbers, and texts' {@code =} and {@code !=}. */
    static boolean answers(Where.Comparison c) {
        if (c.value() instanceof Double) {
            return !c.op().equals("~");
        }
        return c.op().equals("=") || c.op().equals("!=");
    }

    /**
     * The rows meeting {@code c} ({@link #answers} it), sorted by row id, and with {@code withValues} each one's
     * number (as its bits) alongside, as {@link RowIdSets} reads them from the index; {@code null} when the key's
     * numbers cannot be compared here (a NaN among them).
     */
    long[][] read(Connection connection, Where.Comparison c) throws SQLException {
        Column column = column(connection, c.key());
        if (column == null) {
            return null;
        }
        return c.value() instanceof Double d ? column.numbersMeeting(c.op(), d) : column.textsMeeting(c.op(),
                c.value() instanceof Boolean b ? b.toString() : (String) c.value());
    }

    /** {@code key}'s column in the store's state, read from its file or made from the store; {@code null} when not usable. */
    Column column(Connection connection, String key) throws SQLException {
        long id = RunStore.keyId(key);
        Column column = loaded.get(id);
        if (column == null) {
            Path file = folder.resolve(Long.toHexString(id) + ".col");
            column = load(file, id);
            if (column == null) {
                column = Column.read(connection, id);
                save(connection, file, column);
            }
            loaded.put(id, column);
        }
        return column.usable() ? column : null;
    }

    private Column load(Path file, long id) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != MAGIC) {
                return null;
            }
            byte[] stamp = new byte[b.getInt()];
            b.get(stamp);
            if (!new String(stamp, StandardCharsets.UTF_8).equals(state) || b.getLong() != id) {
                return null;
            }
            return Column.decode(id, b);
        } catch (IOException | RuntimeException e) {
            return null; // missing, stale or damaged: made again from the store
        }
    }

    /** Writes {@code column}'s file when the store is still in the state it was read in (else it is left unwritten). */
    private void save(Connection connection, Path file, Column column) throws SQLException {
        if (!state(connection).equals(state)) {
            return;
        }
        byte[] stamp = state.getBytes(StandardCharsets.UTF_8);
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "col", ".tmp");
            ByteBuffer b = ByteBuffer.allocate(16 + stamp.length + column.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putInt(MAGIC).putInt(stamp.length).put(stamp).putLong(column.keyId);
            column.encode(b);
            Files.write(temporary, Arrays.copyOf(b.array(), b.position()));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary); // a cache: the next query makes it again
                }
            } catch (IOException ignored) {
                // left for the next save to replace
            }
        }
    }

    /**
     * One key's values: its numbers in order of value (then row id), with their row ids and the order of those
     * entries by row id; and its texts in order of row id, each as a code into a dictionary.
     */
    static final class Column {
        private final long keyId;
        private final long[] numberRows;
        private final double[] numbers;
        private final int[] byRow;
        private final long[] textRows;
        private final int[] codes;
        private final String[] dictionary;
        private final boolean usable;

        private Column(long keyId, long[] numberRows, double[] numbers, int[] byRow, long[] textRows, int[] codes,
                String[] dictionary) {
            this.keyId = keyId;
            this.numberRows = numberRows;
            this.numbers = numbers;
            this.byRow = byRow;
            this.textRows = textRows;
            this.codes = codes;
            this.dictionary = dictionary;
            this.usable = ascending(numbers);
        }

        /** How many rows have a number of this key. */
        int numbers() {
            return numbers.length;
        }

        /** The {@code i}-th number in ascending order. */
        double number(int i) {
            return numbers[i];
        }

        /** The row of the {@code i}-th number in ascending order. */
        long numberRow(int i) {
            return numberRows[i];
        }

        /** The number of each of {@code rows}, or {@code null} when one of them has none. */
        double[] values(long[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int k = find(rows[i]);
                if (k < 0) {
                    return null;
                }
                out[i] = numbers[byRow[k]];
            }
            return out;
        }

        /** The position in {@code byRow} of {@code row}'s number, or -1. */
        private int find(long row) {
            int lo = 0;
            int hi = byRow.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long at = numberRows[byRow[mid]];
                if (at < row) {
                    lo = mid + 1;
                } else if (at > row) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        /** Whether the numbers compare in Java as in SQL: ascending under {@code <=}, so no NaN among them. */
        boolean usable() {
            return usable;
        }

        private static boolean ascending(double[] numbers) {
            for (int i = 1; i < numbers.length; i++) {
                if (!(numbers[i - 1] <= numbers[i])) {
                    return false;
                }
            }
            return numbers.length == 0 || numbers[0] == numbers[0];
        }

        long[][] numbersMeeting(String op, double x) {
            long[] ids = new long[numbers.length];
            long[] bits = new long[numbers.length];
            int n = 0;
            int test = switch (op) {
                case "<" -> 0;
                case "<=" -> 1;
                case ">" -> 2;
                case ">=" -> 3;
                case "=" -> 4;
                default -> 5;
            };
            for (int k = 0; k < byRow.length; k++) {
                int i = byRow[k];
                double v = numbers[i];
                boolean meets = test == 0 ? v < x : test == 1 ? v <= x : test == 2 ? v > x : test == 3 ? v >= x
                        : test == 4 ? v == x : v != x;
                if (meets && (n == 0 || ids[n - 1] != numberRows[i])) {
                    ids[n] = numberRows[i];
                    bits[n++] = Double.doubleToRawLongBits(v);
                }
            }
            return new long[][] {Arrays.copyOf(ids, n), Arrays.copyOf(bits, n)};
        }

        long[][] textsMeeting(String op, String x) {
            int code = Arrays.asList(dictionary).indexOf(x);
            boolean equal = op.equals("=");
            long[] ids = new long[textRows.length];
            int n = 0;
            for (int k = 0; k < textRows.length; k++) {
                if ((codes[k] == code) == equal && (n == 0 || ids[n - 1] != textRows[k])) {
                    ids[n++] = textRows[k];
                }
            }
            return new long[][] {Arrays.copyOf(ids, n), null};
        }

        /** Reads key {@code keyId}'s values from the store. */
        static Column read(Connection connection, long keyId) throws SQLException {
            long[] rows = new long[1024];
            double[] values = new double[1024];
            int n = 0;
            try (PreparedStatement s = connection.prepareStatement("SELECT row_id, num FROM wb_values WHERE key_id = ? "
                    + "AND num IS NOT NULL ORDER BY num, row_id")) {
                s.setLong(1, keyId);
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (n == rows.length) {
                            rows = Arrays.copyOf(rows, n * 2);
                            values = Arrays.copyOf(values, n * 2);
                        }
                        rows[n] = rs.getLong(1);
                        values[n++] = rs.getDouble(2);
                    }
                }
            }
            long[] numberRows = Arrays.copyOf(rows, n);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Long.compare(numberRows[x], numberRows[y]));
            int[] byRow = new int[n];
            for (int i = 0; i < n; i++) {
                byRow[i] = order[i];
            }
            List<Long> textRows = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT row_id, txt FROM wb_values WHERE key_id = ? "
                    + "AND txt IS NOT NULL ORDER BY row_id")) {
                s.setLong(1, keyId);
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        textRows.add(rs.getLong(1));
                        texts.add(rs.getString(2));
                    }
                }
            }
            Map<String, Integer> codeOf = new HashMap<>();
            int[] codes = new int[texts.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = codeOf.computeIfAbsent(texts.get(i), t -> codeOf.size());
            }
            String[] dictionary = new String[codeOf.size()];
            codeOf.forEach((t, c) -> dictionary[c] = t);
            return new Column(keyId, numberRows, Arrays.copyOf(values, n), byRow,
                    textRows.stream().mapToLong(Long::longValue).toArray(), codes, dictionary);
        }

        private int bytes() {
            int dictionaryBytes = 0;
            for (String t : dictionary) {
                dictionaryBytes += 4 + t.getBytes(StandardCharsets.UTF_8).length;
            }
            return 4 + numbers.length * 20 + 8 + textRows.length * 12 + dictionaryBytes;
        }

        private void encode(ByteBuffer b) {
            b.putInt(numbers.length);
            b.asLongBuffer().put(numberRows);
            b.position(b.position() + 8 * numbers.length);
            b.asDoubleBuffer().put(numbers);
            b.position(b.position() + 8 * numbers.length);
            b.asIntBuffer().put(byRow);
            b.position(b.position() + 4 * numbers.length);
            b.putInt(textRows.length).putInt(dictionary.length);
            for (String t : dictionary) {
                byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
                b.putInt(bytes.length).put(bytes);
            }
            b.asLongBuffer().put(textRows);
            b.position(b.position() + 8 * textRows.length);
            b.asIntBuffer().put(codes);
            b.position(b.position() + 4 * codes.length);
        }

        private static Column decode(long keyId, ByteBuffer b) {
            int n = b.getInt();
            long[] numberRows = new long[n];
            b.asLongBuffer().get(numberRows);
            b.position(b.position() + 8 * n);
            double[] numbers = new double[n];
            b.asDoubleBuffer().get(numbers);
            b.position(b.position() + 8 * n);
            int[] byRow = new int[n];
            b.asIntBuffer().get(byRow);
            b.position(b.position() + 4 * n);
            int t = b.getInt();
            String[] dictionary = new String[b.getInt()];
            for (int i = 0; i < dictionary.length; i++) {
                byte[] bytes = new byte[b.getInt()];
                b.get(bytes);
                dictionary[i] = new String(bytes, StandardCharsets.UTF_8);
            }
            long[] textRows = new long[t];
            b.asLongBuffer().get(textRows);
            b.position(b.position() + 8 * t);
            int[] codes = new int[t];
            b.asIntBuffer().get(codes);
            b.position(b.position() + 4 * t);
            if (b.hasRemaining()) {
                throw new IllegalStateException("trailing bytes");
            }
            return new Column(keyId, numberRows, numbers, byRow, textRows, codes, dictionary);
        }
    }
}

package org.workbench.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * most of a second of CPU, the arrays a few milliseconds. A query that finds a key's column missing or stale
 * reads the index as before and leaves the column to be made as the store closes, after the answer.
 *
 * <p>The copy is a cache of the store: each file carries the store's <em>state</em>, every row of
 * {@code wb_meta} (the schema's version and every results folder's write token, which every write to runs
 * replaces in its own transaction), and is used only while the store is in that state. A key whose file is
 * missing or stale is read again from the store whole and written under a temporary name and renamed, only
 * when the state did not move while it was read. A store without a write token (nothing written yet) keeps
 * no copy.
 */
final class ValueColumns {
    private static final int MAGIC = 0x57424332; // "WBC2"
    private final Path folder;
    private final String state;
    /** The most columns kept in memory (a served store queried by many keys drops the least recently used). */
    static final int MOST_LOADED = 64;
    private final Map<Long, Column> loaded = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Column> eldest) {
            return size() > MOST_LOADED;
        }
    };
    private final java.util.Set<String> pending = new java.util.LinkedHashSet<>();
    /** The rows' page fields of this state, once read (a file found missing is looked for again: it may be made since). */
    private RowFields rowFields;

    private ValueColumns(Path folder, String state) {
        this.folder = folder;
        this.state = state;
    }

    /**
     * The columns of the embedded store at {@code url} in its current state, or {@code null} for a store that
     * keeps none (a server, an in-memory database, a store nothing was written to).
     */
    static ValueColumns of(Connection connection, String url) throws SQLException {
        return of(connection, url, null);
    }

    /**
     * {@link #of(Connection, String)}, or {@code last} itself while the store is still in its state: the columns
     * and rows' page fields it read are not read again (a served store's next query reads no file).
     */
    static ValueColumns of(Connection connection, String url, ValueColumns last) throws SQLException {
        Path folder = folder(url);
        if (folder == null) {
            return null;
        }
        String state = state(connection);
        if (last != null && last.folder.equals(folder) && last.state.equals(state)) {
            return last;
        }
        return state.contains(RunStore.TOKEN) ? new ValueColumns(folder, state) : null;
    }

    /** The state these columns answer for. */
    String state() {
        return state;
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
     * The rows meeting {@code c} ({@link #answers} it), sorted by row id, and with numbers each one's number (as
     * its bits) alongside, as {@link RowIdSets} reads them from the index; {@code null} when the key has no column
     * in this state yet (it is made as the store closes: {@link #make}) or its numbers cannot be compared
     * here (a NaN among them).
     */
    long[][] read(Where.Comparison c) {
        Column column = kept(c.key());
        if (column == null) {
            return null;
        }
        return c.value() instanceof Double d ? column.numbersMeeting(c.op(), d) : column.textsMeeting(c.op(),
                c.value() instanceof Boolean b ? b.toString() : (String) c.value());
    }

    /**
     * {@code key}'s column in the store's state when its file has it, else {@code null}, and the key is noted to be
     * made by {@link #make}: a query does not pay for reading a whole key from the store.
     */
    Column kept(String key) {
        long id = RunStore.keyId(key);
        Column column = loaded.get(id);
        if (column == null) {
            column = load(file(id), id);
            if (column == null) {
                pending.add(key);
                return null;
            }
            loaded.put(id, column);
            pending.remove(key);
        }
        return column.usable() ? column : null;
    }

    /** {@code key}'s column in the store's state, from its file or made from the store now; {@code null} when not usable. */
    Column column(Connection connection, String key) throws SQLException {
        Column column = column(connection, RunStore.keyId(key), false);
        pending.remove(key);
        return column.usable() ? column : null;
    }

    /** The column of the key {@code id}: from its file, else (or with {@code again}) read from the store and saved. */
    private Column column(Connection connection, long id, boolean again) throws SQLException {
        Column column = again ? null : loaded.get(id);
        if (column == null) {
            column = again ? null : load(file(id), id);
            if (column == null) {
                column = Column.read(connection, id);
                save(connection, file(id), column);
            }
            loaded.put(id, column);
        }
        return column;
    }

    /**
     * Makes again, from the store in this state, every column file the folder has and the rows' page fields when
     * it has them (a reindex replaced every row: patching would rewrite each file whole anyway).
     */
    void remake(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var files = Files.newDirectoryStream(folder, "*.col")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                ids.add(Long.parseUnsignedLong(name.substring(0, name.length() - 4), 16));
            }
        } catch (IOException | RuntimeException e) {
            return; // no folder, or not ours: queries make what they need
        }
        for (long id : ids) {
            if (!state(connection).equals(state)) {
                break;
            }
            column(connection, id, true);
        }
        if (Files.exists(folder.resolve(RowFields.FILE)) && state(connection).equals(state)) {
            RowFields.make(connection, folder, state);
        }
        connection.commit();
    }

    /**
     * Patches every column file in {@code folder} made in state {@code from} into state {@code to}: the state after
     * a write that removed the rows {@code removed} (sorted) and added {@code added}; files made in another state
     * are left for a query to make again.
     */
    static void patch(Path folder, String from, String to, long[] removed, List<StoredRun> added) {
        try (var files = Files.newDirectoryStream(folder, "*.col")) {
            for (Path f : files) {
                ByteBuffer b = CacheFile.readAll(f);
                if (b == null || !from.equals(CacheFile.stamp(b, MAGIC))) {
                    continue;
                }
                try {
                    long id = b.getLong();
                    Column before = Column.decode(id, b);
                    if (before.unchangedBy(removed, added) && CacheFile.restamp(f, MAGIC, from, to)) {
                        continue; // a tag, a note: this key's values as they were, only the stamp written
                    }
                    Column column = before.patched(removed, added);
                    ByteBuffer body = ByteBuffer.allocate(8 + column.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    body.putLong(id);
                    column.encode(body);
                    CacheFile.write(f, CacheFile.header(MAGIC, to), body.flip());
                } catch (RuntimeException damaged) {
                    // made again by the next query that wants it
                }
            }
        } catch (IOException e) {
            // no folder: nothing to patch
        }
    }

    /**
     * Makes the columns of {@code keys} that are missing or stale, and with {@code rows} the page fields of every
     * row ({@link RowFields}), while the store stays in the state these
     * columns were opened in; the store does this as it closes, after the command's answer.
     */
    void make(Connection connection, java.util.Collection<String> keys, boolean rows) throws SQLException {
        for (String key : keys) {
            if (!state(connection).equals(state)) {
                break; // written since: the next query notes them again
            }
            column(connection, key);
        }
        if (rows && state(connection).equals(state)) {
            RowFields.make(connection, folder, state);
        }
        connection.commit();
    }

    /** The page fields of the rows {@code ids} in this state ({@link RowFields}), or {@code null} when not kept. */
    List<RowFields.Fetched> rows(long[] ids) {
        if (rowFields == null) {
            rowFields = RowFields.open(folder, state);
        }
        return rowFields == null ? null : rowFields.fetch(ids);
    }

    /** The keys queries found without a column in this state. */
    java.util.Set<String> pending() {
        return pending;
    }

    private Path file(long id) {
        return folder.resolve(Long.toHexString(id) + ".col");
    }

    private Column load(Path file, long id) {
        try {
            ByteBuffer b = CacheFile.readAll(file);
            if (b == null || CacheFile.body(b, MAGIC, state) == null || b.getLong() != id) {
                return null;
            }
            return Column.decode(id, b);
        } catch (RuntimeException e) {
            return null; // missing, stale or damaged: made again from the store
        }
    }

    /** Writes {@code column}'s file when the store is still in the state it was read in (else it is left unwritten). */
    private void save(Connection connection, Path file, Column column) throws SQLException {
        if (!state(connection).equals(state)) {
            return;
        }
        ByteBuffer body = ByteBuffer.allocate(8 + column.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        body.putLong(column.keyId);
        column.encode(body);
        CacheFile.write(file, CacheFile.header(MAGIC, state), body.flip());
    }

    /**
     * One key's values: its numbers in order of row id ({@code rows}, {@code numbers}) with the order of those
     * entries by value ({@code byValue}); and its texts as a dictionary (in the store's text order) with each
     * text's rows in a group of their own, sorted by row id. A condition on numbers is one pass over two arrays;
     * a text's {@code =} is a copy of its group.
     */
    static final class Column {
        private final long keyId;
        private final long[] rows;
        private final double[] numbers;
        private final int[] byValue;
        private final boolean usable;
        private final String[] dictionary;
        private final int[] groups;
        private final long[] textRows;

        private Column(long keyId, long[] rows, double[] numbers, int[] byValue, boolean usable, String[] dictionary,
                int[] groups, long[] textRows) {
            this.keyId = keyId;
            this.rows = rows;
            this.numbers = numbers;
            this.byValue = byValue;
            this.usable = usable;
            this.dictionary = dictionary;
            this.groups = groups;
            this.textRows = textRows;
        }

        /** How many rows have a number of this key. */
        int numbers() {
            return numbers.length;
        }

        /** The {@code i}-th number in ascending order. */
        double number(int i) {
            return numbers[byValue[i]];
        }

        /** The row of the {@code i}-th number in ascending order. */
        long numberRow(int i) {
            return rows[byValue[i]];
        }

        /** The number of each of {@code ids}, or {@code null} when one of them has none. */
        double[] values(long[] ids) {
            double[] out = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                int k = Arrays.binarySearch(rows, ids[i]);
                if (k < 0) {
                    return null;
                }
                out[i] = numbers[k];
            }
            return out;
        }

        /** Whether the numbers compare in Java as in SQL: ascending under {@code <=} in the store's order, so no NaN. */
        boolean usable() {
            return usable;
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
            for (int i = 0; i < numbers.length; i++) {
                double v = numbers[i];
                if (test == 0 ? v < x : test == 1 ? v <= x : test == 2 ? v > x : test == 3 ? v >= x
                        : test == 4 ? v == x : v != x) {
                    ids[n] = rows[i];
                    bits[n++] = Double.doubleToRawLongBits(v);
                }
            }
            return new long[][] {Arrays.copyOf(ids, n), Arrays.copyOf(bits, n)};
        }

        long[][] textsMeeting(String op, String x) {
            int code = Arrays.asList(dictionary).indexOf(x);
            if (op.equals("=")) {
                return new long[][] {code < 0 ? new long[0] : Arrays.copyOfRange(textRows, groups[code], groups[code + 1]),
                        null};
            }
            long[] others = new long[textRows.length];
            int n = 0;
            for (int c = 0; c < dictionary.length; c++) {
                if (c != code) {
                    System.arraycopy(textRows, groups[c], others, n, groups[c + 1] - groups[c]);
                    n += groups[c + 1] - groups[c];
                }
            }
            return new long[][] {RowIdSets.distinct(others, n), null};
        }

        /** Reads key {@code keyId}'s values from the store. */
        static Column read(Connection connection, long keyId) throws SQLException {
            Entries entries = new Entries();
            // usable only when the store's order of the numbers is Java's (no NaN): ascending under <=
            boolean ascending = true;
            double last = Double.NEGATIVE_INFINITY;
            try (PreparedStatement s = connection.prepareStatement("SELECT row_id, num FROM wb_values WHERE key_id = ? "
                    + "AND num IS NOT NULL ORDER BY num, row_id")) {
                s.setLong(1, keyId);
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double value = rs.getDouble(2);
                        ascending &= last <= value;
                        last = value;
                        entries.number(rs.getLong(1), value);
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT row_id, txt FROM wb_values WHERE key_id = ? "
                    + "AND txt IS NOT NULL ORDER BY txt, row_id")) {
                s.setLong(1, keyId);
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.text(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return entries.column(keyId, ascending);
        }

        /**
         * This column after a write that removed the rows {@code removed} (sorted by id) and added the runs
         * {@code added}: equal to the column {@link #read} from the store after the write.
         */
        Column patched(long[] removed, List<StoredRun> added) {
            Column add = entries(added).column(keyId); // the few new entries, sorted as a column is
            // the kept entries are in order already: merged with the new ones, never sorted again
            int n = 0;
            int[] at = new int[rows.length]; // each kept entry's place in the new arrays (-1: removed)
            int[] addAt = new int[add.rows.length];
            long[] newRows = new long[rows.length + add.rows.length];
            double[] newNumbers = new double[newRows.length];
            int j = 0;
            for (int k = 0; k <= rows.length; k++) {
                boolean kept = k < rows.length && Arrays.binarySearch(removed, rows[k]) < 0;
                while (j < add.rows.length && (k == rows.length || kept && (add.rows[j] < rows[k]
                        || add.rows[j] == rows[k] && Double.compare(add.numbers[j], numbers[k]) < 0))) {
                    addAt[j] = n;
                    newRows[n] = add.rows[j];
                    newNumbers[n++] = add.numbers[j++];
                }
                if (k < rows.length) {
                    at[k] = kept ? n : -1;
                    if (kept) {
                        newRows[n] = rows[k];
                        newNumbers[n++] = numbers[k];
                    }
                }
            }
            long[] r = Arrays.copyOf(newRows, n);
            double[] v = Arrays.copyOf(newNumbers, n);
            int[] byValueNew = new int[n];
            int m = 0;
            int i = 0;
            for (int x = 0; x <= byValue.length; x++) {
                int old = x < byValue.length ? at[byValue[x]] : -1;
                if (x < byValue.length && old < 0) {
                    continue;
                }
                while (i < add.byValue.length && (x == byValue.length
                        || before(v, r, addAt[add.byValue[i]], old))) {
                    byValueNew[m++] = addAt[add.byValue[i++]];
                }
                if (x < byValue.length) {
                    byValueNew[m++] = old;
                }
            }
            boolean usableNew = true;
            for (int k = 0; k < n; k++) {
                usableNew &= !Double.isNaN(v[k]) && (k == 0 || r[k - 1] != r[k]);
            }
            // the texts: the kept groups and the new entries merged in (text, row) order
            List<String> dictionaryNew = new ArrayList<>();
            List<Integer> groupsNew = new ArrayList<>();
            long[] textRowsNew = new long[textRows.length + add.textRows.length];
            int t = 0;
            int oldGroup = 0;
            int oldEntry = 0;
            int newGroup = 0;
            int newEntry = 0;
            while (true) {
                while (oldGroup < dictionary.length && (oldEntry >= groups[oldGroup + 1]
                        || Arrays.binarySearch(removed, textRows[oldEntry]) >= 0)) {
                    if (oldEntry >= groups[oldGroup + 1]) {
                        oldGroup++;
                    } else {
                        oldEntry++;
                    }
                }
                while (newGroup < add.dictionary.length && newEntry >= add.groups[newGroup + 1]) {
                    newGroup++;
                }
                boolean hasOld = oldGroup < dictionary.length;
                boolean hasNew = newGroup < add.dictionary.length;
                if (!hasOld && !hasNew) {
                    break;
                }
                if (hasNew && (!hasOld || textBefore(add.dictionary[newGroup], add.textRows[newEntry], dictionary[oldGroup],
                        textRows[oldEntry]))) {
                    t = append(dictionaryNew, groupsNew, textRowsNew, t, add.dictionary[newGroup], add.textRows[newEntry++]);
                } else {
                    t = append(dictionaryNew, groupsNew, textRowsNew, t, dictionary[oldGroup], textRows[oldEntry++]);
                }
            }
            groupsNew.add(t);
            return new Column(keyId, r, v, byValueNew, usableNew, dictionaryNew.toArray(new String[0]),
                    groupsNew.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(textRowsNew, t));
        }

        /**
         * Whether a write that removed the rows {@code removed} (sorted) and added the runs {@code added} leaves
         * this column as it is: the removed rows' entries of this key are the added runs' (a run written again
         * with other tags or notes).
         */
        boolean unchangedBy(long[] removed, List<StoredRun> added) {
            Column add = entries(added).column(keyId);
            Entries gone = new Entries();
            for (long row : removed) {
                int k = Arrays.binarySearch(rows, row);
                if (k >= 0) {
                    while (k > 0 && rows[k - 1] == row) {
                        k--;
                    }
                    for (; k < rows.length && rows[k] == row; k++) {
                        gone.number(row, numbers[k]);
                    }
                }
            }
            for (int g = 0; g < dictionary.length; g++) {
                for (int e = groups[g]; e < groups[g + 1]; e++) {
                    if (Arrays.binarySearch(removed, textRows[e]) >= 0) {
                        gone.text(textRows[e], dictionary[g]);
                    }
                }
            }
            Column old = gone.column(keyId);
            return Arrays.equals(add.rows, old.rows) && Arrays.equals(add.numbers, old.numbers)
                    && Arrays.equals(add.dictionary, old.dictionary) && Arrays.equals(add.groups, old.groups)
                    && Arrays.equals(add.textRows, old.textRows);
        }

        /** The added runs' entries of this key, as {@code RunStore.put} writes them. */
        private Entries entries(List<StoredRun> added) {
            Entries fresh = new Entries();
            Map<String, Boolean> ours = new HashMap<>();
            for (StoredRun r : added) {
                for (int point = r.points() == 0 ? 0 : 1; point <= r.points(); point++) {
                    long row = RunStore.rowId(r.key(), point);
                    for (StoredRun.Value v : r.values()) {
                        // as RunStore.put writes them: the run's values on every row, a point's on its own
                        if ((v.point() == 0 || v.point() == point)
                                && ours.computeIfAbsent(v.key(), k -> RunStore.keyId(k) == keyId)) {
                            if (v.num() != null) {
                                fresh.number(row, v.num());
                            }
                            if (v.txt() != null) {
                                fresh.text(row, v.txt());
                            }
                        }
                    }
                }
            }
            return fresh;
        }

        /** Whether entry {@code a} comes before entry {@code b} in value order (by number, then row). */
        private static boolean before(double[] v, long[] r, int a, int b) {
            int c = Double.compare(v[a], v[b]);
            return c < 0 || c == 0 && r[a] < r[b];
        }

        /** Whether the text entry ({@code text}, {@code row}) comes before ({@code otherText}, {@code otherRow}). */
        private static boolean textBefore(String text, long row, String otherText, long otherRow) {
            int c = text.compareTo(otherText);
            return c < 0 || c == 0 && row < otherRow;
        }

        /** Appends ({@code text}, {@code row}) to the grouped texts, opening a group for a new text; returns the new size. */
        private static int append(List<String> dictionary, List<Integer> groups, long[] rows, int t, String text, long row) {
            if (dictionary.isEmpty() || !dictionary.get(dictionary.size() - 1).equals(text)) {
                dictionary.add(text);
                groups.add(t);
            }
            rows[t] = row;
            return t + 1;
        }

        /** A key's numbers and texts with their rows, in any order, made into a {@link Column} as {@link #read} makes it. */
        private static final class Entries {
            private long[] numberRows = new long[16];
            private double[] values = new double[16];
            private int n;
            private long[] textRows = new long[16];
            private String[] texts = new String[16];
            private int t;

            void number(long row, double value) {
                if (n == values.length) {
                    numberRows = Arrays.copyOf(numberRows, 2 * n);
                    values = Arrays.copyOf(values, 2 * n);
                }
                numberRows[n] = row;
                values[n++] = value;
            }

            void text(long row, String text) {
                if (t == texts.length) {
                    textRows = Arrays.copyOf(textRows, 2 * t);
                    texts = Arrays.copyOf(texts, 2 * t);
                }
                textRows[t] = row;
                texts[t++] = text;
            }

            Column column(long keyId) {
                return column(keyId, true);
            }

            /**
             * The column of these entries, as the store's index orders them: the numbers by row id, their order by
             * value (by value, then row), the texts grouped by text (String's order, as H2 compares them), each
             * group by row id. Usable when no number is NaN, no row has two, and {@code ordered}.
             */
            Column column(long keyId, boolean ordered) {
                int[] byRow = IndexSort.sorted(n, (x, y) -> {
                    int c = Long.compare(numberRows[x], numberRows[y]);
                    return c != 0 ? c : Double.compare(values[x], values[y]);
                });
                long[] rows = new long[n];
                double[] numbers = new double[n];
                boolean usable = ordered;
                for (int k = 0; k < n; k++) {
                    rows[k] = numberRows[byRow[k]];
                    numbers[k] = values[byRow[k]];
                    usable &= !Double.isNaN(numbers[k]) && (k == 0 || rows[k - 1] != rows[k]);
                }
                int[] byValue = IndexSort.sorted(n, (x, y) -> {
                    int c = Double.compare(numbers[x], numbers[y]);
                    return c != 0 ? c : Long.compare(rows[x], rows[y]);
                });
                int[] byText = IndexSort.sorted(t, (x, y) -> {
                    int c = texts[x].compareTo(texts[y]);
                    return c != 0 ? c : Long.compare(textRows[x], textRows[y]);
                });
                List<String> dictionary = new ArrayList<>();
                List<Integer> groups = new ArrayList<>();
                long[] grouped = new long[t];
                for (int i = 0; i < t; i++) {
                    String text = texts[byText[i]];
                    if (dictionary.isEmpty() || !dictionary.get(dictionary.size() - 1).equals(text)) {
                        dictionary.add(text);
                        groups.add(i);
                    }
                    grouped[i] = textRows[byText[i]];
                }
                groups.add(t);
                return new Column(keyId, rows, numbers, byValue, usable, dictionary.toArray(new String[0]),
                        groups.stream().mapToInt(Integer::intValue).toArray(), grouped);
            }
        }

        private int bytes() {
            int dictionaryBytes = 0;
            for (String t : dictionary) {
                dictionaryBytes += 4 + t.getBytes(StandardCharsets.UTF_8).length;
            }
            return 5 + numbers.length * 20 + 8 + dictionaryBytes + 4 * groups.length + 8 * textRows.length;
        }

        private void encode(ByteBuffer b) {
            b.putInt(numbers.length).put((byte) (usable ? 1 : 0));
            b.asLongBuffer().put(rows);
            b.position(b.position() + 8 * rows.length);
            b.asDoubleBuffer().put(numbers);
            b.position(b.position() + 8 * numbers.length);
            b.asIntBuffer().put(byValue);
            b.position(b.position() + 4 * byValue.length);
            b.putInt(textRows.length).putInt(dictionary.length);
            for (String t : dictionary) {
                byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
                b.putInt(bytes.length).put(bytes);
            }
            b.asIntBuffer().put(groups);
            b.position(b.position() + 4 * groups.length);
            b.asLongBuffer().put(textRows);
            b.position(b.position() + 8 * textRows.length);
        }

        private static Column decode(long keyId, ByteBuffer b) {
            int n = b.getInt();
            boolean usable = b.get() == 1;
            long[] rows = new long[n];
            b.asLongBuffer().get(rows);
            b.position(b.position() + 8 * n);
            double[] numbers = new double[n];
            b.asDoubleBuffer().get(numbers);
            b.position(b.position() + 8 * n);
            int[] byValue = new int[n];
            b.asIntBuffer().get(byValue);
            b.position(b.position() + 4 * n);
            int t = b.getInt();
            String[] dictionary = new String[b.getInt()];
            for (int i = 0; i < dictionary.length; i++) {
                byte[] bytes = new byte[b.getInt()];
                b.get(bytes);
                dictionary[i] = new String(bytes, StandardCharsets.UTF_8);
            }
            int[] groups = new int[dictionary.length + 1];
            b.asIntBuffer().get(groups);
            b.position(b.position() + 4 * groups.length);
            long[] textRows = new long[t];
            b.asLongBuffer().get(textRows);
            b.position(b.position() + 8 * t);
            if (b.hasRemaining() || groups[dictionary.length] != t) {
                throw new IllegalStateException("not a column file");
            }
            return new Column(keyId, rows, numbers, byValue, usable, dictionary, groups, textRows);
        }
    }
}

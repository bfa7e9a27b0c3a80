package org.workbench.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a page shows of every row (its run's experiment, run id, status, times, tags, ... as
 * {@link RunRow}), beside the value columns ({@code runs.columns/rows.bin}) and kept like them: made in one
 * state of the store, used only in that state ({@link CacheFile}), made when a query found it missing or
 * stale, and patched by each write ({@link #patch}). A page's rows are then read from the file by row id (an
 * index of row ids and offsets, read once, and the file mapped into memory) instead of H2 decoding the pages
 * of {@code wb_rows} and {@code wb_runs} they lie in.
 */
final class RowFields {
    private static final int MAGIC = 0x57425232; // "WBR2"
    static final String FILE = "rows.bin";
    private final long[] rows;
    private final int[] offsets;
    private final ByteBuffer records;

    /** A page row as read: its row id, its run key (a tie-break of the order) and the row without its values. */
    record Fetched(long id, String runKey, RunRow row) {
    }

    private RowFields(long[] rows, int[] offsets, ByteBuffer records) {
        this.rows = rows;
        this.offsets = offsets;
        this.records = records;
    }

    /** {@code folder}'s file made in {@code state}, mapped into memory, or {@code null} when it is missing, stale or damaged. */
    static RowFields open(Path folder, String state) {
        ByteBuffer b = CacheFile.map(folder.resolve(FILE), MAGIC, state);
        return b == null ? null : parse(b, state);
    }

    /** The file in {@code b} when it was made in {@code state}, else {@code null}. */
    private static RowFields parse(ByteBuffer b, String state) {
        try {
            if (CacheFile.body(b, MAGIC, state) == null) {
                return null;
            }
            int n = b.getInt();
            long[] rows = new long[n];
            b.asLongBuffer().get(rows);
            b.position(b.position() + 8 * n);
            int[] offsets = new int[n + 1];
            b.asIntBuffer().get(offsets);
            b.position(b.position() + 4 * (n + 1));
            ByteBuffer records = b.slice();
            if (offsets[n] != records.remaining()) {
                return null;
            }
            return new RowFields(rows, offsets, records);
        } catch (RuntimeException e) {
            return null; // damaged: the rows come from the store
        }
    }

    /** The rows {@code ids} (those the file has), or {@code null} when a record cannot be read. */
    List<Fetched> fetch(long[] ids) {
        try {
            List<Fetched> out = new ArrayList<>();
            for (long id : ids) {
                int i = Arrays.binarySearch(rows, id);
                if (i >= 0) { // else not a row of the store (the SQL's join would not find it either)
                    out.add(decode(id, records.slice(offsets[i], offsets[i + 1] - offsets[i])));
                }
            }
            return out;
        } catch (RuntimeException e) {
            return null; // damaged: the rows come from the store
        }
    }

    /**
     * Writes the file of every row in {@code state}, when the store is still in that state after reading them;
     * one transaction.
     */
    static void make(Connection connection, Path folder, String state) throws SQLException {
        Map<String, List<String>> tags = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT run_key, tag FROM wb_tags ORDER BY run_key, tag");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        // two scans in the tables' own order, joined here: no look-up a row
        Map<String, byte[]> runs = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT run_key, experiment, run_id, status, task, title, "
                + "started_at, overrides, notes, folder, duration_ms, homework FROM wb_runs")) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double duration = rs.getDouble(11);
                    Double d = rs.wasNull() ? null : duration;
                    runs.put(rs.getString(1), run(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), d,
                            rs.getBoolean(12), tags.getOrDefault(rs.getString(1), List.of())));
                }
            }
        }
        Records records = new Records();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT row_id, run_key, point, label FROM wb_rows ORDER BY row_id")) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] run = runs.get(rs.getString(2));
                    if (run != null) { // else a row without its run: the query's join leaves it out too
                        records.add(rs.getLong(1), record(rs.getString(2), rs.getString(4), rs.getInt(3), run));
                    }
                }
            }
        }
        boolean unchanged = ValueColumns.state(connection).equals(state);
        connection.commit();
        if (unchanged) {
            records.write(folder, state);
        }
    }

    /**
     * Turns {@code folder}'s file made in state {@code from} into the file of state {@code to}, the state after a
     * write that removed the rows {@code removed} (sorted) and added the runs {@code added}; says whether it did
     * (a file missing or made in another state is left for a query to make again).
     *
     * <p>The new file is written whole and renamed over the old one, not patched in place: a changed run's records
     * change length (a tag, a note), which moves every later record's offset, and a reader (a served store) may
     * hold the old file mapped. But only its index (12 bytes a row) and the changed records pass through this
     * process: the runs of unchanged records between them are copied file to file by the system
     * ({@link FileChannel#transferTo}), not read into the heap (30 MB at 100,000 runs).
     */
    static boolean patch(Path folder, String from, String to, long[] removed, List<StoredRun> added) {
        Path file = folder.resolve(FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Index old = Index.read(channel, from);
            if (old == null) {
                return false;
            }
            Records fresh = new Records();
            for (StoredRun r : added) {
                List<String> tags = new ArrayList<>(r.tags());
                tags.sort(null); // as make reads them: ORDER BY tag
                byte[] run = run(r.experiment(), r.runId(), r.status(), r.task(), r.title(), r.startedAt(), r.overrides(),
                        r.notes(), r.folder(), r.durationMs(), r.homework(), tags);
                for (int point = r.points() == 0 ? 0 : 1; point <= r.points(); point++) {
                    fresh.add(RunStore.rowId(r.key(), point),
                            record(r.key(), point == 0 ? null : r.labels().get(point - 1), point, run));
                }
            }
            fresh.sortById();
            // the kept records are copied as they lie (a run of them at a time), the new ones merged in by row id
            int most = old.rows.length + fresh.size;
            long[] ids = new long[most];
            int[] offsets = new int[most + 1];
            List<Object> pieces = new ArrayList<>(); // a new record (byte[]) or a run of old ones (long[] {from, length})
            long at = 0;
            int n = 0;
            int j = 0;
            for (int i = 0; i <= old.rows.length; i++) {
                long id = i < old.rows.length ? old.rows[i] : Long.MAX_VALUE;
                boolean last = i == old.rows.length;
                while (j < fresh.size && (last || fresh.ids[j] <= id)) {
                    byte[] record = fresh.records.get(fresh.order[j]);
                    offsets[n] = Math.toIntExact(at);
                    ids[n++] = fresh.ids[j++];
                    pieces.add(record);
                    at += record.length;
                }
                boolean replaced = j > 0 && fresh.ids[j - 1] == id;
                if (!last && !replaced && Arrays.binarySearch(removed, id) < 0) {
                    offsets[n] = Math.toIntExact(at);
                    ids[n++] = id;
                    int length = old.offsets[i + 1] - old.offsets[i];
                    Object previous = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
                    if (previous instanceof long[] run && run[0] + run[1] == old.offsets[i]) {
                        run[1] += length;
                    } else {
                        pieces.add(new long[] {old.offsets[i], length});
                    }
                    at += length;
                }
            }
            offsets[n] = Math.toIntExact(at);
            ByteBuffer index = index(Arrays.copyOf(ids, n), Arrays.copyOf(offsets, n + 1));
            return CacheFile.write(file, target -> {
                CacheFile.writeFully(target, CacheFile.header(MAGIC, to));
                CacheFile.writeFully(target, index);
                for (Object piece : pieces) {
                    if (piece instanceof byte[] record) {
                        CacheFile.writeFully(target, ByteBuffer.wrap(record));
                    } else {
                        long[] run = (long[]) piece;
                        for (long done = 0; done < run[1];) {
                            long copied = channel.transferTo(old.body + run[0] + done, run[1] - done, target);
                            if (copied <= 0) {
                                throw new IOException(file + " ended early");
                            }
                            done += copied;
                        }
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            return false; // missing or damaged: made again by a query
        }
    }

    /** A file's index as {@link #patch} reads it (its records left in the file, from {@code body} on). */
    private record Index(long[] rows, int[] offsets, long body) {
        /** The index of the file open in {@code channel} when it was made in {@code state}, else {@code null}. */
        static Index read(FileChannel channel, String state) throws IOException {
            byte[] stamp = state.getBytes(StandardCharsets.UTF_8);
            ByteBuffer head = ByteBuffer.allocate(8 + stamp.length + 4).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, head, 0);
            if (CacheFile.body(head.flip(), MAGIC, state) == null) {
                return null;
            }
            int n = head.getInt();
            if (n < 0 || n > (channel.size() - head.limit()) / 12) {
                return null;
            }
            ByteBuffer b = ByteBuffer.allocate(8 * n + 4 * (n + 1)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, b, head.limit());
            b.flip();
            long[] rows = new long[n];
            b.asLongBuffer().get(rows);
            b.position(8 * n);
            int[] offsets = new int[n + 1];
            b.asIntBuffer().get(offsets);
            long body = head.limit() + (long) b.limit();
            return offsets[n] == channel.size() - body ? new Index(rows, offsets, body) : null;
        }

        private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
            while (into.hasRemaining()) {
                if (channel.read(into, at + into.position()) < 0) {
                    throw new IOException("ended early");
                }
            }
        }
    }

    /** Writes the file of {@code n} rows ({@code ids}, their records' {@code offsets} into {@code body}) made in {@code state}. */
    private static boolean write(Path folder, String state, long[] ids, int[] offsets, ByteBuffer body) {
        return CacheFile.write(folder.resolve(FILE), CacheFile.header(MAGIC, state), index(ids, offsets), body);
    }

    /** The file's index of rows {@code ids} and their records' {@code offsets}. */
    private static ByteBuffer index(long[] ids, int[] offsets) {
        ByteBuffer index = ByteBuffer.allocate(4 + 8 * ids.length + 4 * offsets.length).order(ByteOrder.LITTLE_ENDIAN);
        index.putInt(ids.length);
        index.asLongBuffer().put(ids);
        index.position(index.position() + 8 * ids.length);
        index.asIntBuffer().put(offsets);
        index.position(index.position() + 4 * offsets.length);
        return index.flip();
    }

    /** Rows' records in order of row id, as they are added: the file's index and body. */
    private static final class Records {
        private long[] ids = new long[1024];
        private int[] order = new int[0];
        private final List<byte[]> records = new ArrayList<>();
        private int size;
        private int bytes;

        void add(long id, byte[] record) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
            records.add(record);
            bytes += record.length;
        }

        /** Sorts by row id; {@code order[i]} is then the record of {@code ids[i]}. */
        void sortById() {
            Integer[] o = new Integer[size];
            for (int i = 0; i < size; i++) {
                o[i] = i;
            }
            long[] unsorted = Arrays.copyOf(ids, size);
            Arrays.sort(o, (x, y) -> Long.compare(unsorted[x], unsorted[y]));
            order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = o[i];
                ids[i] = unsorted[o[i]];
            }
        }

        boolean write(Path folder, String state) {
            int[] offsets = new int[size + 1];
            ByteBuffer body = ByteBuffer.allocate(bytes);
            for (int i = 0; i < size; i++) {
                offsets[i] = body.position();
                body.put(records.get(order.length == size ? order[i] : i));
            }
            offsets[size] = body.position();
            return RowFields.write(folder, state, Arrays.copyOf(ids, size), offsets, body.flip());
        }
    }

    /** A row's record: its run key, label and point, then its run's fields ({@link #run}). */
    private static byte[] record(String runKey, String label, int point, byte[] run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(run.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, runKey);
            text(out, label);
            out.writeInt(point);
            out.write(run);
        } catch (IOException e) {
            throw new IllegalStateException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    /** A run's fields as every one of its rows' records ends. */
    private static byte[] run(String experiment, String runId, String status, String task, String title, String started,
            String overrides, String notes, String folder, Double duration, boolean homework, List<String> tags) {
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(run)) {
            for (String text : new String[] {experiment, runId, status, task, title, started, overrides, notes, folder}) {
                text(out, text);
            }
            out.writeBoolean(duration == null);
            out.writeDouble(duration == null ? 0 : duration);
            out.writeBoolean(homework);
            out.writeInt(tags.size());
            for (String t : tags) {
                text(out, t);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // writing to memory
        }
        return run.toByteArray();
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Fetched decode(long id, ByteBuffer b) {
        b.order(ByteOrder.BIG_ENDIAN); // the records are written by a DataOutputStream
        String runKey = text(b);
        String label = text(b);
        int point = b.getInt();
        String experiment = text(b);
        String runId = text(b);
        String status = text(b);
        String task = text(b);
        String title = text(b);
        String started = text(b);
        String overrides = text(b);
        String notes = text(b);
        String folder = text(b);
        boolean noDuration = b.get() != 0;
        double duration = b.getDouble();
        boolean homework = b.get() != 0;
        List<String> tags = new ArrayList<>();
        for (int t = b.getInt(); t > 0; t--) {
            tags.add(text(b));
        }
        return new Fetched(id, runKey, new RunRow(experiment, runId, point, label, status, task, title, started,
                noDuration ? null : duration, homework, overrides, tags, notes, folder, new LinkedHashMap<>()));
    }

    private static String text(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

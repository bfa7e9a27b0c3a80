package org.workbench.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * state of the store, used only in that state, made as the store closes when a query found it missing or
 * stale. A page's rows are then read from the file by row id (an index of row ids and offsets, and one
 * read a row) instead of H2 decoding the pages of {@code wb_rows} and {@code wb_runs} they lie in.
 */
final class RowFields {
    private static final int MAGIC = 0x57425232; // "WBR2"
    static final String FILE = "rows.bin";

    /** A page row as read: its row id, its run key (a tie-break of the order) and the row without its values. */
    record Fetched(long id, String runKey, RunRow row) {
    }

    private RowFields() {
    }

    /** The rows {@code ids} from {@code folder}'s file made in {@code state}, or {@code null} when it is missing or stale. */
    static List<Fetched> read(Path folder, String state, long[] ids) {
        Path file = folder.resolve(FILE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = read(channel, 0, 8);
            if (head.getInt() != MAGIC) {
                return null;
            }
            int stampLength = head.getInt();
            byte[] stamp = new byte[stampLength];
            read(channel, 8, stampLength).get(stamp);
            if (!new String(stamp, StandardCharsets.UTF_8).equals(state)) {
                return null;
            }
            long at = 8L + stampLength;
            int n = read(channel, at, 4).getInt();
            at += 4;
            ByteBuffer index = read(channel, at, 12L * n + 4);
            long[] rows = new long[n];
            index.asLongBuffer().get(rows);
            index.position(8 * n);
            int[] offsets = new int[n + 1];
            index.asIntBuffer().get(offsets);
            long blob = at + 12L * n + 4;
            List<Fetched> out = new ArrayList<>();
            for (long id : ids) {
                int i = Arrays.binarySearch(rows, id);
                if (i < 0) {
                    continue; // not a row of the store (the SQL's join would not find it either)
                }
                out.add(decode(id, read(channel, blob + offsets[i], offsets[i + 1] - offsets[i])));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null; // missing, stale or damaged: the rows come from the store
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, long length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(length)).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                throw new IOException("cut short");
            }
        }
        return b.flip();
    }

    /**
     * Writes the file of every row in {@code state}, when the store is still in that state after reading them
     * (under a temporary name, renamed into place).
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
                    ByteArrayOutputStream run = new ByteArrayOutputStream();
                    try (DataOutputStream out = new DataOutputStream(run)) {
                        for (int column = 2; column <= 10; column++) {
                            text(out, rs.getString(column));
                        }
                        double duration = rs.getDouble(11);
                        out.writeBoolean(rs.wasNull());
                        out.writeDouble(duration);
                        out.writeBoolean(rs.getBoolean(12));
                        List<String> runTags = tags.getOrDefault(rs.getString(1), List.of());
                        out.writeInt(runTags.size());
                        for (String t : runTags) {
                            text(out, t);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e); // writing to memory
                    }
                    runs.put(rs.getString(1), run.toByteArray());
                }
            }
        }
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        List<Long> ids = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT row_id, run_key, point, label FROM wb_rows ORDER BY row_id")) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery(); DataOutputStream out = new DataOutputStream(blob)) {
                while (rs.next()) {
                    byte[] run = runs.get(rs.getString(2));
                    if (run == null) {
                        continue; // a row without its run: the query's join leaves it out too
                    }
                    ids.add(rs.getLong(1));
                    offsets.add(out.size());
                    text(out, rs.getString(2));
                    text(out, rs.getString(4));
                    out.writeInt(rs.getInt(3));
                    out.write(run);
                }
                offsets.add(out.size());
            } catch (IOException e) {
                throw new IllegalStateException(e); // writing to memory
            }
        }
        connection.commit();
        if (!ValueColumns.state(connection).equals(state)) {
            connection.commit();
            return;
        }
        connection.commit();
        byte[] stamp = state.getBytes(StandardCharsets.UTF_8);
        byte[] records = blob.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(12 + stamp.length + 12 * ids.size() + 4 + records.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(stamp.length).put(stamp).putInt(ids.size());
        for (long id : ids) {
            b.putLong(id);
        }
        for (int offset : offsets) {
            b.putInt(offset);
        }
        b.put(records);
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "rows", ".tmp");
            Files.write(temporary, b.array());
            Files.move(temporary, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary); // a cache: made again after the next query
                }
            } catch (IOException ignored) {
                // left for the next make to replace
            }
        }
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

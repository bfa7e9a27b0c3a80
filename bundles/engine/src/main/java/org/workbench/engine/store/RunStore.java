package org.workbench.engine.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.workbench.engine.input.InvalidInputException;

/**
 * The run store's database, through JDBC alone: the same statements run on the embedded H2 file and
 * on PostgreSQL. Writes one run (or many) in a transaction that replaces whatever the store had of it;
 * answers {@link RunQuery}s with parameterised SQL.
 */
public final class RunStore implements AutoCloseable {
    private static final int CHUNK = 500;
    /** The prefix of the {@code wb_meta} names holding each origin's write token. */
    static final String TOKEN = "sync:";
    private Connection connection;
    private final String url;
    private final Properties credentials;
    private String written;
    private String replaced;
    private String pendingReplaced;
    /** The most keys whose columns are noted to be made: a served store queried by many keys notes no more. */
    static final int MOST_WANTED = 64;
    /** The keys whose value columns queries found missing or stale, to be made as the store closes. */
    private final java.util.Set<String> wantedColumns = new java.util.LinkedHashSet<>();
    /** Whether a query found the rows' page fields ({@link RowFields}) missing or stale. */
    private boolean wantedRows;
    /** The last query's value columns, kept while the store stays in their state. */
    private ValueColumns columns;

    private RunStore(Connection connection, String url, Properties credentials) {
        this.connection = connection;
        this.url = url;
        this.credentials = credentials;
    }

    /** Opens (and on first use creates) the store at {@code url} ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}). */
    public static RunStore open(String url, Properties credentials) throws SQLException {
        return new RunStore(connect(url, credentials), url, credentials);
    }

    private static Connection connect(String url, Properties credentials) throws SQLException {
        Driver driver = driver(url);
        Connection c = driver.connect(url, credentials);
        if (c == null) {
            throw new SQLException("the driver " + driver.getClass().getName() + " does not take " + url);
        }
        try {
            StoreSchema.create(c);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * The driver for {@code url}, loaded by name so that the engine needs neither driver to resolve
     * (the distribution starts them on demand; the engine imports their packages dynamically).
     */
    private static Driver driver(String url) throws SQLException {
        String name;
        if (url.startsWith("jdbc:h2:")) {
            name = "org.h2.Driver";
        } else if (url.startsWith("jdbc:postgresql:")) {
            name = "org.postgresql.Driver";
        } else {
            throw new SQLException("no driver for " + url + "; the store takes jdbc:h2:... or jdbc:postgresql://HOST/DB");
        }
        try {
            return (Driver) Class.forName(name, true, RunStore.class.getClassLoader()).getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("the JDBC driver " + name + " is not available: " + e, e);
        }
    }

    /** The JDBC URL this store was opened with. */
    public String url() {
        return url;
    }

    Connection connection() {
        return connection;
    }

    /** {@code experiment/run-id} to signature of every run indexed from {@code origin}. */
    Map<String, String> signatures(String origin) throws SQLException {
        Map<String, String> signatures = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT run_key, signature FROM wb_runs WHERE origin = ?")) {
            s.setString(1, origin);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    signatures.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        connection.commit();
        return signatures;
    }

    /**
     * The write token of {@code origin}: a random text every write to its runs replaces (in the write's
     * transaction), or {@code null} before the first. A {@link SyncManifest} written at a token describes
     * the store as long as the token is unchanged.
     */
    String token(String origin) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT val FROM wb_meta WHERE name = ?")) {
            s.setString(1, tokenName(origin));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } finally {
            connection.commit();
        }
    }

    /** The token this connection's last committed write set, or {@code null} when it wrote nothing. */
    String written() {
        return written;
    }

    /** The token the store had just before this connection's last committed write (or {@code null}). */
    String replaced() {
        return replaced;
    }

    /** Sets a new token for {@code origin} and commits: a store whose runs are read from a manifest for the first time. */
    String mark(String origin) throws SQLException {
        try {
            String t = newToken(origin);
            long[] removed = rowIdsToPatch(List.of());
            commitWrite(t);
            patchCaches(origin, removed, List.of());
            return t;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The {@code wb_meta} name of the token of {@code origin}: its SHA-256 (an origin may be longer than a name). */
    private static String tokenName(String origin) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(origin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return TOKEN + java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the token of {@code origin} at the start of a write's transaction; returns it (it counts
     * once committed). The first write of an origin makes its row in a transaction of its own (two
     * processes making it at once: the loser finds the winner's).
     */
    private String newToken(String origin) throws SQLException {
        String t = java.util.UUID.randomUUID().toString();
        String name = tokenName(origin);
        if (!hasRow(name)) {
            try (PreparedStatement i = connection.prepareStatement("INSERT INTO wb_meta (name, val) VALUES (?, ?)")) {
                i.setString(1, name);
                i.setString(2, java.util.UUID.randomUUID().toString());
                i.executeUpdate();
                connection.commit();
            } catch (SQLException taken) {
                connection.rollback();
            }
        }
        // the old token, locked until the commit: no other write falls between it and this one
        pendingReplaced = null;
        try (PreparedStatement q = connection.prepareStatement("SELECT val FROM wb_meta WHERE name = ? FOR UPDATE")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                pendingReplaced = rs.next() ? rs.getString(1) : null;
            }
        }
        try (PreparedStatement u = connection.prepareStatement("UPDATE wb_meta SET val = ? WHERE name = ?")) {
            u.setString(1, t);
            u.setString(2, name);
            u.executeUpdate();
        }
        return t;
    }

    private boolean hasRow(String name) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM wb_meta WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Replaces what the store has of {@code runs} (indexed from {@code origin}), in one transaction. */
    void put(Collection<StoredRun> runs, String origin) throws SQLException {
        put(runs, origin, true);
    }

    /** {@link #put(Collection, String)}; {@code replace} false when the store is known to hold none of them (a reindex). */
    void put(Collection<StoredRun> runs, String origin, boolean replace) throws SQLException {
        put(runs, origin, replace, true);
    }

    /**
     * {@link #put(Collection, String, boolean)}; {@code patch} false leaves the cache files stale, for a writer of
     * many batches that makes them again whole once at its end ({@link #remakeCaches()}) instead of rewriting
     * them at every batch.
     */
    void put(Collection<StoredRun> runs, String origin, boolean replace, boolean patch) throws SQLException {
        try {
            String token = newToken(origin);
            // a reindex (nothing to replace) leaves the cache files to be made again whole at its end
            long[] removed = replace && patch ? rowIdsToPatch(runs.stream().map(StoredRun::key).toList()) : null;
            if (replace) {
                delete(runs.stream().map(StoredRun::key).toList());
            }
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO wb_runs (run_key, origin, folder, "
                    + "experiment, run_id, status, task, title, started_at, duration_ms, homework, overrides, notes, "
                    + "signature, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement row = connection.prepareStatement(
                            "INSERT INTO wb_rows (row_id, run_key, point, label) VALUES (?, ?, ?, ?)");
                    PreparedStatement value = connection.prepareStatement(
                            "INSERT INTO wb_values (row_id, key_id, num, txt) VALUES (?, ?, ?, ?)");
                    PreparedStatement tag = connection.prepareStatement(
                            "INSERT INTO wb_tags (run_key, tag) VALUES (?, ?)")) {
                int pending = 0;
                for (StoredRun r : runs) {
                    run.setString(1, r.key());
                    run.setString(2, origin);
                    run.setString(3, r.folder());
                    run.setString(4, r.experiment());
                    run.setString(5, r.runId());
                    run.setString(6, r.status());
                    run.setString(7, r.task());
                    run.setString(8, r.title());
                    run.setString(9, r.startedAt());
                    if (r.durationMs() == null) {
                        run.setNull(10, Types.DOUBLE);
                    } else {
                        run.setDouble(10, r.durationMs());
                    }
                    run.setBoolean(11, r.homework());
                    run.setString(12, r.overrides());
                    run.setString(13, r.notes());
                    run.setString(14, r.signature());
                    run.setInt(15, r.points());
                    run.addBatch();
                    for (int point = r.points() == 0 ? 0 : 1; point <= r.points(); point++) {
                        long id = rowId(r.key(), point);
                        addRow(row, id, r.key(), point, point == 0 ? null : r.labels().get(point - 1));
                        for (StoredRun.Value v : r.values()) {
                            if (v.point() == 0 || v.point() == point) {
                                value.setLong(1, id);
                                value.setLong(2, keyId(v.key()));
                                if (v.num() == null) {
                                    value.setNull(3, Types.DOUBLE);
                                } else {
                                    value.setDouble(3, v.num());
                                }
                                value.setString(4, v.txt());
                                value.addBatch();
                            }
                        }
                    }
                    for (String t : r.tags()) {
                        tag.setString(1, r.key());
                        tag.setString(2, t);
                        tag.addBatch();
                    }
                    if (++pending == 200) {
                        flush(run, row, value, tag);
                        pending = 0;
                    }
                }
                flush(run, row, value, tag);
            }
            commitWrite(token);
            patchCaches(origin, removed, List.copyOf(runs));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void addRow(PreparedStatement row, long id, String key, int point, String label) throws SQLException {
        row.setLong(1, id);
        row.setString(2, key);
        row.setInt(3, point);
        row.setString(4, label);
        row.addBatch();
    }

    /**
     * The id of a run's row: the first 8 bytes of SHA-256 of {@code key#point}, the same in every process
     * that indexes the folder (a shared store needs no sequence).
     */
    static long rowId(String key, int point) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((key + "#" + point).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(d).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The number that stands for the key {@code key} ({@code prior.scale}) in {@code wb_values}: the
     * first 8 bytes of SHA-256 of the key, the same in every process (no table of keys to share and
     * lock); keys are never read back from it, a query names the keys it wants.
     */
    static long keyId(String key) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("key:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(d).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flush(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
    }

    /** Removes the runs {@code keys} (indexed from {@code origin}) and commits. */
    void remove(Collection<String> keys, String origin) throws SQLException {
        try {
            String t = newToken(origin);
            long[] removed = rowIdsToPatch(keys);
            delete(List.copyOf(keys));
            commitWrite(t);
            patchCaches(origin, removed, List.of());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Empties the store for a reindex of {@code origin} and says whether it did so by dropping the
     * tables: on an embedded H2 file that holds no other results folder's runs, the tables are made again
     * without their secondary indexes (the bulk load then appends, and {@link #finishBulk} indexes once);
     * elsewhere (a shared server, a file shared with other folders) the origin's runs are deleted.
     */
    boolean clearForReindex(String origin) throws SQLException {
        if (!url.startsWith("jdbc:h2:") || hasOtherOrigins(origin)) {
            removeOrigin(origin);
            return false;
        }
        try {
            StoreSchema.recreateBare(connection);
            String t = newToken(origin);
            commitWrite(t);
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Builds the indexes {@link #clearForReindex} left out, once the runs are in; then, when no other
     * connection has the file open, closes it with {@code SHUTDOWN COMPACT} and opens it again. A bulk
     * load leaves most of an H2 file as old chunks (the pages each commit replaced, and the index builds'
     * sort runs): measured at 10,000 runs, 92 MB before and 24 MB after. H2 reuses that space only
     * slowly and never gives it back while open; a {@code serve} holding the file keeps it (compaction
     * would close the database under it), and its next close compacts for a moment.
     */
    void finishBulk() throws SQLException {
        try {
            StoreSchema.index(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        if (sessions() == 1) {
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } finally {
                connection.close();
                connection = connect(url, credentials);
            }
        }
    }

    /** How many connections the embedded database has (this one included). */
    private int sessions() throws SQLException {
        try (java.sql.Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            return rs.next() ? rs.getInt(1) : Integer.MAX_VALUE;
        } finally {
            connection.commit();
        }
    }

    private boolean hasOtherOrigins(String origin) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM wb_runs WHERE origin <> ? LIMIT 1")) {
            s.setString(1, origin);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } finally {
            connection.commit();
        }
    }

    /**
     * Makes the runs the store holds under another origin with a key and signature of {@code found} (a run
     * folder here, unchanged since) runs of {@code origin}, and commits; how many moved. For the store a
     * results folder keeps inside itself, moved or copied with it: those runs are this folder's, indexed
     * under its old path. A run of another folder that shares the file is left as it is.
     */
    int adoptRuns(String origin, Map<String, String> found) throws SQLException {
        if (found.isEmpty() || !hasOtherOrigins(origin)) {
            return 0;
        }
        try {
            String t = newToken(origin);
            int moved = 0;
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE wb_runs SET origin = ? WHERE run_key = ? AND signature = ? AND origin <> ?")) {
                int pending = 0;
                for (Map.Entry<String, String> e : found.entrySet()) {
                    s.setString(1, origin);
                    s.setString(2, e.getKey());
                    s.setString(3, e.getValue());
                    s.setString(4, origin);
                    s.addBatch();
                    if (++pending == CHUNK) {
                        moved += sum(s.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    moved += sum(s.executeBatch());
                }
            }
            commitWrite(t);
            return moved;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Commits a write that took {@code token} ({@link #newToken}): it is then the store's newest, and the one it replaced known. */
    private void commitWrite(String token) throws SQLException {
        connection.commit();
        written = token;
        replaced = pendingReplaced;
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += Math.max(0, c);
        }
        return n;
    }

    /** Removes every run indexed from {@code origin} and commits. */
    void removeOrigin(String origin) throws SQLException {
        try {
            String t = newToken(origin);
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM wb_values WHERE row_id IN "
                    + "(SELECT p.row_id FROM wb_rows p JOIN wb_runs r ON r.run_key = p.run_key WHERE r.origin = ?)")) {
                s.setString(1, origin);
                s.executeUpdate();
            }
            for (String table : List.of("wb_rows", "wb_tags")) {
                try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE run_key IN (SELECT run_key FROM wb_runs WHERE origin = ?)")) {
                    s.setString(1, origin);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM wb_runs WHERE origin = ?")) {
                s.setString(1, origin);
                s.executeUpdate();
            }
            commitWrite(t);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * The row ids the store has of the runs {@code keys}, sorted, read in a write's transaction when the store keeps
     * cache files to patch after it ({@link CachePatch}); {@code null} when it keeps none.
     */
    private long[] rowIdsToPatch(Collection<String> keys) throws SQLException {
        java.nio.file.Path folder = ValueColumns.folder(url);
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            return null;
        }
        List<String> all = List.copyOf(keys);
        long[] ids = new long[0];
        int n = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = connection.prepareStatement("SELECT row_id FROM wb_rows WHERE run_key IN (" + marks
                    + ")")) {
                bind(s, new ArrayList<>(chunk), 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (n == ids.length) {
                            ids = Arrays.copyOf(ids, Math.max(16, 2 * n));
                        }
                        ids[n++] = rs.getLong(1);
                    }
                }
            }
        }
        ids = Arrays.copyOf(ids, n);
        Arrays.sort(ids);
        return ids;
    }

    /**
     * After this connection's write to {@code origin} committed: patches the cache files beside the store
     * ({@link CachePatch}) for the rows {@code removed} (null: none kept, or a reindex) and the runs {@code added}.
     * They are a cache: a failure leaves them stale, and a query makes them again.
     */
    private void patchCaches(String origin, long[] removed, List<StoredRun> added) {
        if (removed == null) {
            return;
        }
        try {
            CachePatch.apply(connection, ValueColumns.folder(url), tokenName(origin), written, replaced, removed, added);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the next statement reports a broken connection
            }
        }
    }

    /**
     * Makes again, whole, the cache files the store keeps (those there are), after a reindex replaced every row;
     * left stale (for a query to make) when they cannot be.
     */
    void remakeCaches() {
        try {
            ValueColumns c = ValueColumns.of(connection, url);
            if (c != null) {
                c.remake(connection);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the next statement reports a broken connection
            }
        }
    }

    private void delete(List<String> keys) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "DELETE FROM wb_values WHERE row_id IN (SELECT row_id FROM wb_rows WHERE run_key = ?)")) {
            for (String key : keys) {
                s.setString(1, key);
                s.addBatch();
            }
            s.executeBatch();
        }
        for (String table : List.of("wb_rows", "wb_tags", "wb_runs")) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE run_key = ?")) {
                for (String key : keys) {
                    s.setString(1, key);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** The rows that answer {@code q}, with how many match in all. */
    public QueryAnswer query(RunQuery q) throws InvalidInputException, SQLException {
        RowIdPlan plan = RowIdPlan.of(WhereParser.parse(q.where()));
        for (String column : q.columns()) {
            if (!StoreKeys.wellFormed(column)) {
                throw new InvalidInputException(null, null, "--columns: '" + column + "' is not a key: letters, digits, "
                        + "_ and - in segments joined by dots, such as prior.scale or results.testMse.map");
            }
        }
        WhereSql.Sql where = WhereSql.of(plan.rest());
        int known = -1; // the number of matches when the row-id sets alone decide it
        double[] sortValues = null; // each candidate's number of the sort key, when every one has one: sorted here
        ValueColumns kept = null; // the value columns and page fields beside an H2 file
        long[] candidates = null; // those candidates
        if (!plan.sets().isEmpty()) {
            // the dotted keys' conditions as one sorted row-id set; the rows are then fetched by primary key
            boolean h2 = url.startsWith("jdbc:h2:");
            String sortKey = q.sort() == null ? "" : q.sort().startsWith("-") ? q.sort().substring(1) : q.sort();
            ValueColumns columns = h2 ? ValueColumns.of(connection, url, this.columns) : null;
            this.columns = columns;
            kept = columns;
            RowIdSets.Matches matches = RowIdSets.matching(connection, h2, plan.sets(), sortKey, columns);
            long[] rows = matches.ids();
            if (plan.rest() instanceof Where.Everything) {
                known = rows.length;
                boolean descending = q.sort() != null && q.sort().startsWith("-");
                int need = Math.max(0, q.limit()) + Math.max(0, q.offset());
                if (sortKey.isBlank()) {
                    long[] page = KeysetPage.newestFirst(connection, h2, rows, need);
                    if (page != null) {
                        rows = page; // the page lies among these rows: only they are joined and sorted
                    }
                } else if (matches.values() != null) {
                    long[] all = rows;
                    rows = KeysetPage.fromValues(rows, matches.values(), descending, need);
                    if (h2) {
                        sortValues = new double[rows.length];
                        for (int i = 0; i < rows.length; i++) {
                            sortValues[i] = matches.values()[Arrays.binarySearch(all, rows[i])];
                        }
                        candidates = rows;
                    }
                } else if (sortKey.contains(".") && StoreKeys.known(sortKey)) {
                    ValueColumns.Column column = columns == null ? null : columns.kept(sortKey);
                    long[] page = column != null ? KeysetPage.candidates(column, descending, rows, need)
                            : KeysetPage.candidates(connection, h2, sortKey, descending, rows, need);
                    if (page != null) {
                        rows = page; // the page lies among these rows: only they are joined and sorted
                        sortValues = column == null ? null : column.values(rows);
                        candidates = rows;
                    }
                }
            }
            if (columns != null) {
                for (String key : columns.pending()) { // made after the answer, as the store closes or in the background
                    if (wantedColumns.size() < MOST_WANTED) {
                        wantedColumns.add(key);
                    }
                }
            }
            List<Object> parameters = new ArrayList<>();
            parameters.add(rowIdArray(rows));
            parameters.addAll(where.parameters());
            where = new WhereSql.Sql("p.row_id = ANY(?) AND " + where.text(), parameters);
        }
        String from = " FROM wb_rows p JOIN wb_runs r ON r.run_key = p.run_key WHERE " + where.text();
        boolean always = where.parameters().isEmpty() && where.text().equals(WhereSql.ALWAYS);
        if (sortValues != null) {
            // the rows' page fields are read from (and made for) a state only once its value columns served a
            // query whole: a store queried again and again, not one written between every two queries
            return ordered(where, candidates, sortValues, q, known, kept != null && kept.pending().isEmpty() ? kept : null);
        }
        StringBuilder order = new StringBuilder(" ORDER BY ");
        String join = "";
        List<Object> joinParameters = new ArrayList<>();
        if (q.sort() != null && !q.sort().isBlank()) {
            boolean descending = q.sort().startsWith("-");
            String key = descending ? q.sort().substring(1) : q.sort();
            if (!StoreKeys.known(key)) {
                throw new InvalidInputException(null, null, "--sort: no key '" + key + "'; sort by one of "
                        + String.join(", ", StoreKeys.FIELD_ORDER) + " or a dotted key such as prior.scale, "
                        + "and put - before it for descending (-results.testMse.map)");
            }
            String direction = descending ? " DESC NULLS LAST, " : " ASC NULLS LAST, ";
            StoreKeys.Field field = StoreKeys.FIELDS.get(key);
            if (field == null) {
                join = " LEFT JOIN wb_values s ON s.row_id = p.row_id AND s.key_id = ?";
                joinParameters.add(keyId(key));
                order.append("s.num").append(direction).append("s.txt").append(direction);
            } else {
                order.append(field.column() != null ? field.column()
                        : "(SELECT MIN(t.tag) FROM wb_tags t WHERE t.run_key = p.run_key)").append(direction);
            }
        }
        order.append("r.started_at DESC NULLS LAST, p.run_key, p.point");
        // the first page of every run in the default order (the runs page as it opens): the rows come from
        // the first LIMIT + OFFSET runs in that order, so only those are joined and sorted, not every row
        String runs = "wb_runs";
        List<Object> runsParameters = new ArrayList<>();
        if (always && (q.sort() == null || q.sort().isBlank())) {
            runs = "(SELECT * FROM wb_runs ORDER BY started_at DESC NULLS LAST, run_key LIMIT ?)";
            runsParameters.add((long) Math.max(0, q.limit()) + Math.max(0, q.offset()));
        }
        List<Object> parameters = new ArrayList<>(runsParameters);
        parameters.addAll(joinParameters);
        parameters.addAll(where.parameters());
        List<RunRow> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int total = -1;
        try (PreparedStatement s = connection.prepareStatement("SELECT p.run_key, p.point, p.label, r.experiment, "
                + "r.run_id, r.status, r.task, r.started_at, r.duration_ms, r.homework, r.overrides, r.notes, r.folder, "
                + "p.row_id, r.title" + (always || known >= 0 ? "" : ", COUNT(*) OVER ()")
                + " FROM wb_rows p JOIN " + runs + " r ON r.run_key = p.run_key" + join + " WHERE " + where.text()
                + order + " LIMIT ? OFFSET ?")) {
            int next = bind(s, parameters, 1);
            s.setInt(next, Math.max(0, q.limit()));
            s.setInt(next + 1, Math.max(0, q.offset()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!always && known < 0 && total < 0) {
                        total = rs.getInt(16); // the count rides along the page: one pass over the matches
                    }
                    keys.add(rs.getString(1));
                    ids.add(rs.getLong(14));
                    rows.add(row(rs));
                }
            }
        }
        if (known >= 0) {
            total = known;
        } else if (total < 0) {
            total = count(always ? "SELECT COUNT(*) FROM wb_rows" : "SELECT COUNT(*)" + from, where.parameters());
        }
        fill(keys, ids, rows, q.columns());
        connection.commit();
        return new QueryAnswer(total, rows);
    }

    /**
     * The page of candidates whose sort values are known ({@code values[i]} of {@code candidates[i]}, the row
     * ids {@code where} binds): their rows fetched by primary key, put in the query's order by {@link PageOrder}, and cut to
     * the page.
     */
    private QueryAnswer ordered(WhereSql.Sql where, long[] candidates, double[] values, RunQuery q, int total,
            ValueColumns columns) throws SQLException {
        long[] byId = candidates.clone();
        double[] valueById = new double[values.length];
        Integer[] sorter = new Integer[values.length];
        for (int i = 0; i < sorter.length; i++) {
            sorter[i] = i;
        }
        Arrays.sort(sorter, (x, y) -> Long.compare(candidates[x], candidates[y]));
        for (int i = 0; i < sorter.length; i++) {
            byId[i] = candidates[sorter[i]];
            valueById[i] = values[sorter[i]];
        }
        List<RunRow> fetched = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Long> rowIds = new ArrayList<>();
        List<String> started = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        List<RowFields.Fetched> kept = columns == null ? null : columns.rows(candidates);
        if (kept != null) {
            for (RowFields.Fetched f : kept) {
                keys.add(f.runKey());
                rowIds.add(f.id());
                started.add(f.row().startedAt());
                points.add(f.row().point());
                fetched.add(f.row());
            }
        } else {
            wantedRows |= columns != null; // made as the store closes
            try (PreparedStatement s = connection.prepareStatement("SELECT p.run_key, p.point, p.label, r.experiment, "
                    + "r.run_id, r.status, r.task, r.started_at, r.duration_ms, r.homework, r.overrides, r.notes, "
                    + "r.folder, p.row_id, r.title FROM wb_rows p JOIN wb_runs r ON r.run_key = p.run_key WHERE "
                    + where.text())) {
                bind(s, where.parameters(), 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                        rowIds.add(rs.getLong(14));
                        started.add(rs.getString(8));
                        points.add(rs.getInt(2));
                        fetched.add(row(rs));
                    }
                }
            }
        }
        int n = fetched.size();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = valueById[Arrays.binarySearch(byId, rowIds.get(i))];
        }
        int[] order = PageOrder.of(v, q.sort().startsWith("-"), started.toArray(new String[0]),
                keys.toArray(new String[0]), points.stream().mapToInt(Integer::intValue).toArray());
        List<RunRow> rows = new ArrayList<>();
        List<String> pageKeys = new ArrayList<>();
        List<Long> pageIds = new ArrayList<>();
        for (int i = Math.max(0, q.offset()); i < n && rows.size() < Math.max(0, q.limit()); i++) {
            rows.add(fetched.get(order[i]));
            pageKeys.add(keys.get(order[i]));
            pageIds.add(rowIds.get(order[i]));
        }
        fill(pageKeys, pageIds, rows, q.columns(), kept == null);
        connection.commit();
        return new QueryAnswer(total, rows);
    }

    /** A row of the query's select list (run key, point, label, experiment, ... row id, title) as a {@link RunRow}. */
    private static RunRow row(ResultSet rs) throws SQLException {
        double duration = rs.getDouble(9);
        Double d = rs.wasNull() ? null : duration;
        return new RunRow(rs.getString(4), rs.getString(5), rs.getInt(2), rs.getString(3), rs.getString(6),
                rs.getString(7), rs.getString(15), rs.getString(8), d, rs.getBoolean(10), rs.getString(11),
                new ArrayList<>(), rs.getString(12), rs.getString(13), new LinkedHashMap<>());
    }

    private java.sql.Array rowIdArray(long[] ids) throws SQLException {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }

    /**
     * How many rows match: without a condition, the rows of {@code wb_rows} (every row has its run, both
     * are written in one transaction), which needs no join.
     */
    private int count(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, parameters, 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Adds the tags and the asked-for values to {@code rows} (whose run keys are {@code keys}, row ids {@code ids}). */
    private void fill(List<String> keys, List<Long> ids, List<RunRow> rows, List<String> columns) throws SQLException {
        fill(keys, ids, rows, columns, true);
    }

    /** {@link #fill(List, List, List, List)}, with {@code tags} false when the rows have their tags already. */
    private void fill(List<String> keys, List<Long> ids, List<RunRow> rows, List<String> columns, boolean tags)
            throws SQLException {
        Map<String, List<Integer>> byKey = new HashMap<>();
        Map<Long, Integer> byId = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
            byId.put(ids.get(i), i);
        }
        List<String> distinct = tags ? List.copyOf(byKey.keySet()) : List.of();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT run_key, tag FROM wb_tags WHERE run_key IN (" + marks + ") ORDER BY run_key, tag")) {
                bind(s, new ArrayList<>(chunk), 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        for (int i : byKey.get(rs.getString(1))) {
                            rows.get(i).tags().add(rs.getString(2));
                        }
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        String keyMarks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        Map<Long, String> columnOf = new HashMap<>();
        columns.forEach(c -> columnOf.put(keyId(c), c));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = connection.prepareStatement("SELECT row_id, key_id, num, txt FROM wb_values "
                    + "WHERE row_id IN (" + marks + ") AND key_id IN (" + keyMarks + ")")) {
                int i = 1;
                for (long id : chunk) {
                    s.setLong(i++, id);
                }
                bind(s, new ArrayList<>(columnOf.keySet()), i);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double num = rs.getDouble(3);
                        Object value = rs.wasNull() ? rs.getString(4) : (Object) num;
                        rows.get(byId.get(rs.getLong(1))).values().put(columnOf.get(rs.getLong(2)), value);
                    }
                }
            }
        }
        for (RunRow row : rows) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            columns.forEach(c -> {
                if (row.values().containsKey(c)) {
                    ordered.put(c, row.values().get(c));
                }
            });
            row.values().clear();
            row.values().putAll(ordered);
        }
    }

    static int bind(PreparedStatement s, List<Object> parameters, int first) throws SQLException {
        int i = first;
        for (Object p : parameters) {
            if (p instanceof Double d) {
                s.setDouble(i++, d);
            } else if (p instanceof Long l) {
                s.setLong(i++, l);
            } else if (p instanceof Boolean b) {
                s.setBoolean(i++, b);
            } else if (p instanceof java.sql.Array a) {
                s.setArray(i++, a);
            } else {
                s.setString(i++, (String) p);
            }
        }
        return i;
    }

    /** The cache files queries found missing or stale: value columns by key, and whether the rows' page fields. */
    record Wanted(java.util.Set<String> columns, boolean rows) {
        boolean isEmpty() {
            return columns.isEmpty() && !rows;
        }
    }

    /**
     * The cache files queries found missing or stale since the last call, forgotten here: a served store has them
     * made over a connection of its own ({@link #make(Wanted)}), off the request thread.
     */
    Wanted takeWanted() {
        Wanted w = new Wanted(new java.util.LinkedHashSet<>(wantedColumns), wantedRows);
        wantedColumns.clear();
        wantedRows = false;
        return w;
    }

    /** Makes the cache files {@code wanted} in the store's state (none when it moves meanwhile). */
    void make(Wanted wanted) throws SQLException {
        if (wanted.isEmpty()) {
            return;
        }
        try {
            ValueColumns c = ValueColumns.of(connection, url, columns);
            if (c != null) {
                columns = c;
                c.make(connection, wanted.columns(), wanted.rows());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The value columns the last query used (kept while the store stays in their state), or {@code null}. */
    ValueColumns keptColumns() {
        return columns;
    }

    /**
     * Closes the store; first makes the value columns the last queries found missing or stale ({@link ValueColumns}),
     * so that the next query in a fresh JVM reads them instead of the index. They are a cache: a failure to make
     * them is left for the next close.
     */
    @Override
    public void close() throws SQLException {
        try {
            make(takeWanted());
        } catch (SQLException | RuntimeException e) {
            // a cache: left for the next query to note again
        } finally {
            connection.close();
        }
    }
}

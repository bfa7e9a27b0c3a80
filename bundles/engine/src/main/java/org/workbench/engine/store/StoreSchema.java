package org.workbench.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, in SQL that H2 and PostgreSQL both take. One row of {@code wb_runs} per result
 * folder; {@code wb_rows} holds the rows a query answers with (one per run, or one per sweep point);
 * {@code wb_values} every parameter and scalar result of each row (a sweep point's row holds the run's
 * values and its own, so that a condition is one uncorrelated look-up by key and value); {@code wb_tags}
 * the tags. {@code origin} names the results folder (host and path) a
 * run was indexed from, so that a store several workbenches share is synchronised per folder.
 */
final class StoreSchema {
    /** The longest key a query may name. */
    static final int KEY_LENGTH = 300;
    /** The longest text value indexed (longer texts, such as formulas, are left in the folder). */
    static final int TEXT_LENGTH = 1000;

    /** The tables' version: a store of another version is emptied and rebuilt from the folders (it is a cache). */
    static final String VERSION = "3";
    /** The {@code wb_meta} row that says a reindex dropped the tables and has not indexed them yet. */
    static final String BARE = "bare";
    /** The advisory lock (PostgreSQL) held while the schema is checked and created: "wbschema" in ASCII. */
    static final long SCHEMA_LOCK = 0x7762736368656d61L;

    static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS wb_runs (run_key VARCHAR(500) PRIMARY KEY, origin VARCHAR(1000) NOT NULL, "
                    + "folder VARCHAR(2000) NOT NULL, experiment VARCHAR(300) NOT NULL, run_id VARCHAR(200) NOT NULL, "
                    + "status VARCHAR(40), task VARCHAR(300), title VARCHAR(1000), started_at VARCHAR(40), "
                    + "duration_ms DOUBLE PRECISION, homework BOOLEAN NOT NULL, overrides VARCHAR(4000), "
                    + "notes VARCHAR(1000000), signature VARCHAR(200) NOT NULL, points INT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS wb_rows (row_id BIGINT PRIMARY KEY, run_key VARCHAR(500) NOT NULL, "
                    + "point INT NOT NULL, label VARCHAR(2000))",
            "CREATE TABLE IF NOT EXISTS wb_values (row_id BIGINT NOT NULL, key_id BIGINT NOT NULL, "
                    + "num DOUBLE PRECISION, txt VARCHAR(" + TEXT_LENGTH + "))",
            "CREATE TABLE IF NOT EXISTS wb_tags (run_key VARCHAR(500) NOT NULL, tag VARCHAR(100) NOT NULL, "
                    + "PRIMARY KEY (run_key, tag))");

    /**
     * The secondary indexes. {@code wb_values} has three: by row (the values of the rows a page shows,
     * a sort key, a run's values to delete) and two covering ones by key and value, so that a condition
     * such as {@code prior.scale < 0.5} is one range of one index that already holds the row ids. A key
     * is stored as a number ({@link RunStore#keyId}), not as its text, in all three: the values table
     * is most of the store, and every byte of it counts three times over.
     */
    static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS wb_rows_run ON wb_rows (run_key)",
            "CREATE INDEX IF NOT EXISTS wb_values_row ON wb_values (row_id, key_id)",
            "CREATE INDEX IF NOT EXISTS wb_values_num ON wb_values (key_id, num, row_id)",
            "CREATE INDEX IF NOT EXISTS wb_values_txt ON wb_values (key_id, txt, row_id)",
            "CREATE INDEX IF NOT EXISTS wb_runs_origin ON wb_runs (origin)",
            "CREATE INDEX IF NOT EXISTS wb_runs_started ON wb_runs (started_at)",
            "CREATE INDEX IF NOT EXISTS wb_tags_tag ON wb_tags (tag)");

    /**
     * The {@code wb_meta} rows that stamp the statements the store's tables were made by (a digest), and its
     * indexes (a digest and the indexes' names): a later build whose statements differ at the same
     * {@link #VERSION} applies them at its first open instead of finding the version and skipping the DDL.
     */
    static final String DDL_TABLES = "ddl.tables";
    static final String DDL_INDEXES = "ddl.indexes";

    /** The tables holding runs, in the order they are dropped. */
    static final List<String> DATA_TABLES = List.of("wb_values", "wb_rows", "wb_tags", "wb_runs");

    private StoreSchema() {
    }

    /**
     * Creates the tables that are missing, in one transaction. On PostgreSQL, where several workbenches
     * may open one store at once, a transaction-scoped advisory lock makes the check of the schema's
     * version and the creation one step per database: without it, a second process that read no
     * version yet would drop the tables the first had just made. Should the catalogue still refuse
     * (a server that drops the lock), the attempt is rolled back and tried again.
     */
    static void create(Connection c) throws SQLException {
        create(c, TABLES, INDEXES);
    }

    /** {@link #create(Connection)} with the statements {@code tables} and {@code indexes} (a later build's). */
    static void create(Connection c, List<String> tables, List<String> indexes) throws SQLException {
        synchronized (StoreSchema.class) { // connections of one JVM (the web's background sync) take turns too
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                createInTransactions(c, tables, indexes);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static void createInTransactions(Connection c, List<String> tables, List<String> indexes)
            throws SQLException {
        String tablesStamp = digest(tables);
        String indexesStamp = digest(indexes) + ":" + String.join(",", names(indexes));
        if (complete(c, tablesStamp, indexesStamp)) {
            return;
        }
        boolean postgres = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        SQLException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                }
                s.execute("CREATE TABLE IF NOT EXISTS wb_meta (name VARCHAR(100) PRIMARY KEY, val VARCHAR(1000))");
                java.util.Map<String, String> made = stamps(c);
                if (complete(made, tablesStamp, indexesStamp)) {
                    // another process made the schema while this one waited for the lock: its DDL, even
                    // IF NOT EXISTS, would lock the tables that process may already be writing (a deadlock)
                    c.commit();
                    return;
                }
                String madeTables = made.get(DDL_TABLES);
                // a store stamped by no build's statements yet was made by this version's: kept
                boolean dropped = !VERSION.equals(made.get("schema")) || madeTables != null && !madeTables.equals(tablesStamp);
                if (dropped) {
                    for (String table : DATA_TABLES) {
                        s.execute("DROP TABLE IF EXISTS " + table);
                    }
                    s.execute("DELETE FROM wb_meta WHERE name = 'schema' OR name LIKE '" + RunStore.TOKEN
                            + "%' OR name LIKE 'ddl.%'");
                    s.execute("INSERT INTO wb_meta (name, val) VALUES ('schema', '" + VERSION + "')");
                }
                // dropped with their tables, the old indexes need nothing more
                String madeIndexes = dropped ? null : made.get(DDL_INDEXES);
                if (madeIndexes != null && !madeIndexes.equals(indexesStamp)) {
                    // the indexes' statements changed: the old ones go (by the names they were made with), all are made again
                    for (String name : madeIndexes.substring(madeIndexes.indexOf(':') + 1).split(",")) {
                        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                            s.execute("DROP INDEX IF EXISTS " + name);
                        }
                    }
                }
                for (String sql : tables) {
                    s.execute(sql);
                }
                for (String sql : indexes) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM wb_meta WHERE name = '" + BARE + "'"); // every index is there again
                s.execute("DELETE FROM wb_meta WHERE name LIKE 'ddl.%'");
                try (java.sql.PreparedStatement i = c.prepareStatement("INSERT INTO wb_meta (name, val) VALUES (?, ?)")) {
                    for (String[] row : new String[][] {{DDL_TABLES, tablesStamp}, {DDL_INDEXES, indexesStamp}}) {
                        i.setString(1, row[0]);
                        i.setString(2, row[1]);
                        i.executeUpdate();
                    }
                }
                c.commit();
                return;
            } catch (SQLException e) {
                last = e;
                c.rollback();
            }
        }
        throw last;
    }

    /**
     * Whether the store's tables and indexes are all there, in this version: the version row is this
     * version's and no reindex left its tables bare (the {@value #BARE} row {@link #recreateBare} writes before
     * dropping and {@link #index} removes). Then opening runs one small query instead of a dozen statements
     * of DDL, each parsed and checked by code a fresh JVM runs for the first time. A store without
     * {@code wb_meta} yet answers false (and the failed statement is rolled back).
     */
    private static boolean complete(Connection c, String tablesStamp, String indexesStamp) throws SQLException {
        java.util.Map<String, String> rows;
        try {
            rows = stamps(c);
        } catch (SQLException none) {
            c.rollback();
            return false;
        }
        c.commit();
        return complete(rows, tablesStamp, indexesStamp);
    }

    private static boolean complete(java.util.Map<String, String> rows, String tablesStamp, String indexesStamp) {
        return VERSION.equals(rows.get("schema")) && !rows.containsKey(BARE) && tablesStamp.equals(rows.get(DDL_TABLES))
                && indexesStamp.equals(rows.get(DDL_INDEXES));
    }

    /** The {@code wb_meta} rows that say which schema the store has and whether a reindex left it bare. */
    private static java.util.Map<String, String> stamps(Connection c) throws SQLException {
        java.util.Map<String, String> rows = new java.util.HashMap<>();
        try (Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT name, val FROM wb_meta WHERE name IN ('schema', '"
                        + BARE + "', '" + DDL_TABLES + "', '" + DDL_INDEXES + "')")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    /** The first 16 bytes of SHA-256 of {@code statements}, in hex. */
    private static String digest(List<String> statements) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", statements).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the indexes {@code statements} make ({@code CREATE INDEX IF NOT EXISTS name ON ...}). */
    private static List<String> names(List<String> statements) {
        List<String> names = new java.util.ArrayList<>();
        for (String sql : statements) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)")
                    .matcher(sql);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Empties the store for a reindex that owns all of it: drops the tables and makes them again without
     * their secondary indexes, so that a bulk load appends rows instead of rewriting index pages all over
     * the file at every commit ({@link #index} builds them once, at the end). Dropping is also what frees
     * the old rows' space: deleting millions of rows would write each one's undo entry first.
     */
    static void recreateBare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM wb_meta WHERE name = '" + BARE + "'");
            s.execute("INSERT INTO wb_meta (name, val) VALUES ('" + BARE + "', 'reindex')");
            c.commit(); // before the tables go: a reindex that stops here leaves its mark for the next open
            for (String table : DATA_TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            for (String sql : TABLES) {
                s.execute(sql);
            }
        }
    }

    /** Makes the secondary indexes that are missing (after {@link #recreateBare} and a bulk load). */
    static void index(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : INDEXES) {
                s.execute(sql);
            }
            s.execute("DELETE FROM wb_meta WHERE name = '" + BARE + "'");
        }
    }
}

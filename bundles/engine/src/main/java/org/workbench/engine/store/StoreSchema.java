package org.workbench.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, in SQL that H2 and PostgreSQL both take. One row of {@code wb_runs} per result
 * folder; {@code wb_rows} holds the rows a query answers with (one per run, or one per sweep point);
 * {@code wb_values} every parameter and scalar result (point 0: the whole run; point i: the i-th
 * sweep point); {@code wb_tags} the tags. {@code origin} names the results folder (host and path) a
 * run was indexed from, so that a store several workbenches share is synchronised per folder.
 */
final class StoreSchema {
    /** The longest key a query may name. */
    static final int KEY_LENGTH = 300;
    /** The longest text value indexed (longer texts, such as formulas, are left in the folder). */
    static final int TEXT_LENGTH = 1000;

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS wb_meta (name VARCHAR(100) PRIMARY KEY, val VARCHAR(1000))",
            "CREATE TABLE IF NOT EXISTS wb_runs (run_key VARCHAR(500) PRIMARY KEY, origin VARCHAR(1000) NOT NULL, "
                    + "folder VARCHAR(2000) NOT NULL, experiment VARCHAR(300) NOT NULL, run_id VARCHAR(200) NOT NULL, "
                    + "status VARCHAR(40), task VARCHAR(300), title VARCHAR(1000), started_at VARCHAR(40), "
                    + "duration_ms DOUBLE PRECISION, homework BOOLEAN NOT NULL, overrides VARCHAR(4000), "
                    + "notes VARCHAR(1000000), signature VARCHAR(200) NOT NULL, points INT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS wb_rows (run_key VARCHAR(500) NOT NULL, point INT NOT NULL, "
                    + "label VARCHAR(2000), PRIMARY KEY (run_key, point))",
            "CREATE TABLE IF NOT EXISTS wb_values (run_key VARCHAR(500) NOT NULL, point INT NOT NULL, "
                    + "vkey VARCHAR(" + KEY_LENGTH + ") NOT NULL, num DOUBLE PRECISION, txt VARCHAR(" + TEXT_LENGTH + "))",
            "CREATE TABLE IF NOT EXISTS wb_tags (run_key VARCHAR(500) NOT NULL, tag VARCHAR(100) NOT NULL, "
                    + "PRIMARY KEY (run_key, tag))",
            "CREATE INDEX IF NOT EXISTS wb_values_run ON wb_values (run_key, vkey, point)",
            "CREATE INDEX IF NOT EXISTS wb_values_key ON wb_values (vkey, num)",
            "CREATE INDEX IF NOT EXISTS wb_values_txt ON wb_values (vkey, txt)",
            "CREATE INDEX IF NOT EXISTS wb_runs_origin ON wb_runs (origin)",
            "CREATE INDEX IF NOT EXISTS wb_runs_started ON wb_runs (started_at)",
            "CREATE INDEX IF NOT EXISTS wb_tags_tag ON wb_tags (tag)");

    private StoreSchema() {
    }

    /**
     * Creates the tables that are missing. Two processes creating them at once on PostgreSQL may
     * collide on the catalogue: the loser tries again, and then finds them.
     */
    static void create(Connection c) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Statement s = c.createStatement()) {
                for (String sql : TABLES) {
                    s.execute(sql);
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return;
            } catch (SQLException e) {
                last = e;
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
        throw last;
    }
}

package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later build whose tables' or indexes' statements differ at the same schema version applies them at its first
 * open: the version alone no longer skips the DDL.
 */
class StoreSchemaTest {
    @TempDir
    Path results;

    @Test
    void aChangedIndexOrColumnIsAppliedAtTheSameVersion() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunStore store = RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties())) {
            StoreSync.sync(store, results);
            Connection c = store.connection();
            String state = ValueColumns.state(c);
            StoreSchema.create(c); // the same build: nothing to do
            assertEquals(state, ValueColumns.state(c), "the same statements: the store is left as it is");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM wb_runs"));

            List<String> indexes = new ArrayList<>(StoreSchema.INDEXES);
            indexes.set(indexes.indexOf("CREATE INDEX IF NOT EXISTS wb_tags_tag ON wb_tags (tag)"),
                    "CREATE INDEX IF NOT EXISTS wb_tags_tag_run ON wb_tags (tag, run_key)");
            StoreSchema.create(c, StoreSchema.TABLES, indexes);
            assertEquals(1, count(c, indexQuery("WB_TAGS_TAG_RUN")), "a new index is made at the same version");
            assertEquals(0, count(c, indexQuery("WB_TAGS_TAG")), "the index it replaced is gone");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM wb_runs"), "an index change keeps the runs");

            List<String> tables = new ArrayList<>(StoreSchema.TABLES);
            tables.set(3, tables.get(3).replace("tag VARCHAR(100) NOT NULL,", "tag VARCHAR(100) NOT NULL, since VARCHAR(40),"));
            StoreSchema.create(c, tables, indexes);
            assertEquals(1, count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'WB_TAGS' "
                    + "AND COLUMN_NAME = 'SINCE'"), "a changed table is made again with its new column");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM wb_runs"), "emptied, to be indexed again from the folders");
            assertFalse(ValueColumns.state(c).contains(RunStore.TOKEN), "the write tokens go with the rows");
        }
        try (RunStore store = RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties())) {
            // this build's statements again: the tables as they were, and the folders indexed again by the sync
            assertEquals(0, count(store.connection(), "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_NAME = 'WB_TAGS' AND COLUMN_NAME = 'SINCE'"));
            StoreSync.sync(store, results);
            assertEquals(1, count(store.connection(), "SELECT COUNT(*) FROM wb_runs"));
            assertTrue(ValueColumns.state(store.connection()).contains(StoreSchema.DDL_TABLES + "="));
            store.connection().commit();
        }
    }

    private static String indexQuery(String name) {
        return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = '" + name + "'";
    }

    private static int count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            int n = rs.getInt(1);
            c.commit();
            return n;
        }
    }
}

package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.input.InvalidInputException;

/** The index stays equal to a rebuild from the folders after runs, deletions, hand edits, tags and notes. */
class RunStoreTest {
    @TempDir
    Path results;

    private RunStore open() throws SQLException, InvalidInputException {
        StoreLocation location = StoreLocation.of(results, Map.of());
        return RunStore.open(location.url(), new Properties());
    }

    @Test
    void indexEqualsRebuildAfterRunsDeletionsAndHandEdits() throws Exception {
        FakeRuns.single(results, "p2-5", "20260101-000000-000-aaaa", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        Path b = FakeRuns.single(results, "p2-5", "20260102-000000-000-bbbb", 0.5, 0.02, "2026-01-02T00:00:00Z", true);
        Path c = FakeRuns.sweep(results, "p2-5-sweep", "20260103-000000-000-cccc", Map.of(0.1, 0.05, 1.0, 0.01),
                "2026-01-03T00:00:00Z");
        try (RunStore store = open()) {
            StoreSync.Report first = StoreSync.sync(store, results);
            assertEquals(3, first.indexed());
            assertEquals(dump(store, true), rebuilt(store), "first sync");
            StoreSync.Report again = StoreSync.sync(store, results);
            assertEquals(new StoreSync.Report(0, 0, 3, List.of()), again, "nothing changed: nothing read");

            // a deletion, a hand edit, a tag, a note and a new run
            deleteTree(c);
            Path result = b.resolve("result.json");
            String edited = Files.readString(result).replace("\"status\":\"ok\"", "\"status\":\"failed\"");
            Files.writeString(result, edited, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(result, FileTime.fromMillis(Files.getLastModifiedTime(result).toMillis() + 2000));
            RunAnnotations.retag(results.resolve("p2-5/20260101-000000-000-aaaa"), List.of("final", "paper"), List.of());
            RunAnnotations.note(b, "diverged: look at the step size");
            FakeRuns.single(results, "p1", "20260104-000000-000-dddd", 2.0, 0.3, "2026-01-04T00:00:00Z", false);
            StoreSync.Report later = StoreSync.rescan(store, results);
            assertEquals(1, later.removed());
            assertEquals(3, later.indexed(), "the edited, tagged (renamed into its folder) and new runs");
            String synced = dump(store, true);
            assertTrue(synced.contains("failed"), synced);
            assertTrue(synced.contains("paper"), synced);
            assertEquals(synced, rebuilt(store), "after deletions and edits");
        }
    }

    /**
     * The start-up sync looks at each experiment folder's time: new and deleted run folders move it and
     * are found; a change by hand inside a run folder (in place, or by an editor's temporary file renamed
     * over result.json) leaves it and waits for a rescan. An experiment folder whose time did not move is
     * not listed at all: a run folder slipped in with the folder's time put back is only found by a rescan.
     */
    @Test
    void quickSyncTrustsExperimentFolderTimesAndRescanFindsHandEdits() throws Exception {
        Path a = FakeRuns.single(results, "p2-5", "20260101-000000-000-aaaa", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        Path b = FakeRuns.single(results, "p2-5", "20260102-000000-000-bbbb", 0.5, 0.02, "2026-01-02T00:00:00Z", false);
        FakeRuns.single(results, "p1", "20260103-000000-000-cccc", 2.0, 0.3, "2026-01-03T00:00:00Z", false);
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(results.resolve("p2-5"), hourAgo);
        Files.setLastModifiedTime(results.resolve("p1"), hourAgo);
        try (RunStore store = open()) {
            assertEquals(3, StoreSync.sync(store, results).indexed());
            assertEquals(new StoreSync.Report(0, 0, 3, List.of()), StoreSync.sync(store, results));

            // hand edits inside run folders: in place, and by an editor that writes a temporary file and renames it
            Path result = a.resolve("result.json");
            Files.writeString(result, Files.readString(result).replace("\"status\":\"ok\"", "\"status\":\"failed\""));
            Files.setLastModifiedTime(result, FileTime.fromMillis(Files.getLastModifiedTime(result).toMillis() + 2000));
            Path swap = b.resolve(".result.json.swp");
            Files.writeString(swap, Files.readString(b.resolve("result.json")).replace("\"status\":\"ok\"",
                    "\"status\":\"killed\""));
            Files.move(swap, b.resolve("result.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals(hourAgo, Files.getLastModifiedTime(results.resolve("p2-5")), "the experiment folder's time");
            assertEquals(new StoreSync.Report(0, 0, 3, List.of()), StoreSync.sync(store, results),
                    "edits inside run folders wait for a rescan");
            assertEquals(2, StoreSync.rescan(store, results).indexed(), "the rescan finds both edits");
            assertEquals(1, store.query(new RunQuery("status = 'failed'", null, List.of(), 10, 0)).total());
            assertEquals(1, store.query(new RunQuery("status = 'killed'", null, List.of(), 10, 0)).total());

            // a new run folder and a deleted one move their experiment folders' times
            FakeRuns.single(results, "p1", "20260104-000000-000-dddd", 2.5, 0.2, "2026-01-04T00:00:00Z", false);
            deleteTree(a);
            StoreSync.Report quick = StoreSync.sync(store, results);
            assertEquals(1, quick.indexed());
            assertEquals(1, quick.removed());
            String synced = dump(store, true);
            assertEquals(synced, rebuilt(store), "the quick sync's index equals a rebuild");

            // an experiment folder whose time did not move is not listed
            Files.setLastModifiedTime(results.resolve("p2-5"), hourAgo);
            Files.setLastModifiedTime(results.resolve("p1"), hourAgo);
            StoreSync.sync(store, results);
            FakeRuns.single(results, "p2-5", "20260105-000000-000-eeee", 0.7, 0.1, "2026-01-05T00:00:00Z", false);
            Files.setLastModifiedTime(results.resolve("p2-5"), hourAgo);
            assertEquals(0, StoreSync.sync(store, results).indexed(), "the folder's time says nothing changed");
            assertEquals(1, StoreSync.rescan(store, results).indexed());
        }
    }

    /**
     * A reindex of an H2 file it has alone drops the tables, loads them bare, builds every index once
     * at the end and compacts the file: reindexing again leaves a file no larger (the old rows, the
     * replaced pages and the index builds' sort runs are not kept).
     */
    @Test
    void reindexBuildsTheIndexesOnceAndLeavesACompactFile() throws Exception {
        for (int i = 0; i < 300; i++) {
            FakeRuns.single(results, "p" + (i % 3), String.format("20260101-%06d-000-aaaa", i), 0.001 * (i + 1), 0.01 * i,
                    "2026-01-01T00:00:00Z", false);
        }
        Path file = results.resolve(".store/runs.mv.db");
        try (RunStore store = open()) {
            assertEquals(300, StoreSync.reindex(store, results).indexed());
            long first = Files.size(file);
            String content = dump(store, true);
            assertEquals(300, StoreSync.reindex(store, results).indexed());
            assertEquals(content, dump(store, true));
            assertTrue(Files.size(file) <= first + 64 * 1024, "a second reindex: " + first + " -> " + Files.size(file));
            List<String> indexes = new ArrayList<>();
            try (Statement s = store.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                            + "WHERE INDEX_NAME LIKE 'WB\\_%' ORDER BY INDEX_NAME")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
            store.connection().commit();
            assertEquals(List.of("wb_rows_run", "wb_runs_origin", "wb_runs_started", "wb_tags_tag", "wb_values_num",
                    "wb_values_row", "wb_values_txt"), indexes);
            assertEquals(30, store.query(new RunQuery("prior.scale < 0.0305", "-prior.scale", List.of("prior.scale"), 5, 0))
                    .total());
        }
    }

    @Test
    void unreadableFolderIsReportedAndLeftOut() throws Exception {
        FakeRuns.single(results, "p1", "r1", 1.0, 0.1, "2026-01-01T00:00:00Z", false);
        Path broken = results.resolve("p1/r2");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("result.json"), "{ not json");
        try (RunStore store = open()) {
            StoreSync.Report report = StoreSync.sync(store, results);
            assertEquals(1, report.indexed());
            assertEquals(1, report.unreadable().size());
            assertTrue(report.unreadable().get(0).contains("r2"), report.unreadable().get(0));
        }
    }

    @Test
    void recordOfOneFolderMatchesSync() throws Exception {
        Path a = FakeRuns.single(results, "p1", "r1", 1.0, 0.1, "2026-01-01T00:00:00Z", false);
        try (RunStore store = open()) {
            StoreSync.sync(store, results);
            RunAnnotations.retag(a, List.of("x"), List.of());
            StoreSync.record(store, results, a);
            String recorded = dump(store, true);
            assertNotEquals("", recorded);
            assertEquals(recorded, rebuilt(store));
            assertEquals(new StoreSync.Report(0, 0, 1, List.of()), StoreSync.sync(store, results));
        }
    }

    private String rebuilt(RunStore store) throws Exception {
        StoreSync.reindex(store, results);
        return dump(store, true);
    }

    /** Every table's rows in a fixed order. */
    static String dump(RunStore store, boolean all) throws SQLException {
        StringBuilder out = new StringBuilder();
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("wb_runs", "run_key");
        tables.put("wb_rows", "row_id");
        tables.put("wb_values", "row_id, key_id, num, txt");
        tables.put("wb_tags", "run_key, tag");
        for (Map.Entry<String, String> t : tables.entrySet()) {
            try (Statement s = store.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + t.getKey() + " ORDER BY " + t.getValue())) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                    out.append(t.getKey()).append(": ").append(String.join(" | ", cells)).append('\n');
                }
            }
        }
        store.connection().commit();
        return out.toString();
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}

package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queried keys' columns beside the store ({@link ValueColumns}) and the rows' page fields ({@link RowFields}),
 * made as the store closes after a query asked for them, answer as the index and the tables do and equal a rebuild after runs, deletions, tags and a reindex; a
 * column made before the store's last write, or damaged, is not used; and a
 * reindex that stops with its tables bare is indexed at the next open.
 */
class ValueColumnsTest {
    private static final List<String> WHERES = List.of("prior.scale < 0.35", "prior.scale >= 0.3 and prior.scale <= 2",
            "prior.use = 'laplace' and prior.scale <= 0.3", "prior.use != 'laplace'", "prior.scale = 0.2",
            "prior.scale != 0.2 and results.testMse.map > 0.01", "results.converged = true and prior.scale > 0.1",
            "prior.use = 'nobody'");
    private static final List<String> SORTS = List.of("", "-prior.scale", "results.testMse.map", "-results.lambda");

    @TempDir
    Path results;

    private RunStore open() throws Exception {
        return RunStore.open(StoreLocation.of(results, Map.of()).url(), new Properties());
    }

    private Path columns() throws Exception {
        return ValueColumns.folder(StoreLocation.of(results, Map.of()).url());
    }

    @Test
    void columnsAnswerAsTheIndexAfterRunsDeletionsTagsAndReindex() throws Exception {
        indexSixRunsAndAComponentSweep();
        Path scale = columns().resolve(Long.toHexString(RunStore.keyId("prior.scale")) + ".col");
        assertFalse(Files.exists(scale), "no column before a query asks for it");
        checkAfter("first sync", store -> { });
        assertTrue(Files.exists(scale), "the queried keys' columns are kept beside the store");

        checkAfter("a run recorded", store -> {
            FakeRuns.sweep(results, "sweep", "s", new TreeMap<>(Map.of(0.1, 0.02, 0.3, 0.03, 2.0, 0.04)),
                    "2026-03-09T00:00:00Z");
            StoreSync.record(store, results, results.resolve("sweep/s"));
        });
        checkAfter("a deletion and a tag", store -> {
            deleteTree(results.resolve("p2-5/r1"));
            StoreSync.rescan(store, results);
            RunAnnotations.retag(results.resolve("p2-5/r2"), List.of("final"), List.of());
            StoreSync.rescan(store, results);
        });
        checkAfter("a reindex", store -> StoreSync.reindex(store, results));
    }

    @Test
    void aColumnFromAnEarlierStateOrDamagedIsNotUsed() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunStore store = open()) {
            StoreSync.sync(store, results);
            assertEquals(1, store.query(new RunQuery("prior.scale < 1", null, List.of(), 10, 0)).total());
        }
        Path file = columns().resolve(Long.toHexString(RunStore.keyId("prior.scale")) + ".col");
        byte[] before = Files.readAllBytes(file);
        try (RunStore store = open()) {
            FakeRuns.single(results, "p2-5", "b", 0.2, 0.04, "2026-01-02T00:00:00Z", false);
            StoreSync.record(store, results, results.resolve("p2-5/b"));
            Files.write(file, before); // the column as it was before the run: its stamp is the old state's
            assertEquals(2, store.query(new RunQuery("prior.scale < 1", null, List.of(), 10, 0)).total());
        }
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(file)), "made again in the new state");
        try (RunStore store = open()) {
            Files.write(file, new byte[] {1, 2, 3});
            assertEquals(2, store.query(new RunQuery("prior.scale < 1", "-prior.scale", List.of(), 10, 0)).total());
        }
        byte[] good = Files.readAllBytes(file);
        try (RunStore store = open()) {
            Files.write(file, java.util.Arrays.copyOf(good, good.length - 4)); // cut short
            assertEquals(List.of("b", "a"), store.query(new RunQuery("prior.scale < 1", "-prior.scale", List.of(), 10,
                    0)).rows().stream().map(RunRow::runId).toList());
        }
    }

    /** Six runs with their scales and a component sweep of two points, indexed. */
    private void indexSixRunsAndAComponentSweep() throws Exception {
        double[] scales = {0.1, 0.2, 0.3, 0.2, 0.1, 0.5};
        for (int i = 0; i < scales.length; i++) {
            FakeRuns.single(results, "p2-5", "r" + i, scales[i], 0.01 * (i % 3), "2026-03-0" + (1 + i) + "T00:00:00Z",
                    false);
        }
        FakeRuns.componentSweep(results, "components", "c", new LinkedHashMap<>(Map.of("gaussian", 0.3, "laplace", 0.2)),
                "2026-03-08T00:00:00Z");
        try (RunStore store = open()) {
            StoreSync.sync(store, results);
        }
    }

    private static final List<String> KEYS = List.of("prior.scale", "prior.use", "results.testMse.map", "results.lambda");

    @Test
    void writesPatchTheFilesToEqualARebuildRunsTagsNotesDeletionsAndReindex() throws Exception {
        indexSixRunsAndAComponentSweep();
        makeFiles(); // every key's column and the rows' file
        assertPatched("a run recorded", store -> {
            FakeRuns.sweep(results, "sweep", "s", new TreeMap<>(Map.of(0.1, 0.02, 0.3, 0.03, 2.0, 0.04)),
                    "2026-03-09T00:00:00Z");
            StoreSync.record(store, results, results.resolve("sweep/s"));
        });
        assertPatched("a tag", store -> {
            RunAnnotations.retag(results.resolve("p2-5/r2"), List.of("final", "best"), List.of());
            StoreSync.record(store, results, results.resolve("p2-5/r2"));
        });
        assertPatched("a note", store -> {
            RunAnnotations.note(results.resolve("sweep/s"), "diverged at tau = 0.1");
            StoreSync.record(store, results, results.resolve("sweep/s"));
        });
        assertPatched("a deletion found by a sync", store -> {
            deleteTree(results.resolve("p2-5/r1"));
            StoreSync.rescan(store, results);
        });
        assertPatched("a run replaced by a rescan", store -> {
            FakeRuns.single(results, "p2-5", "r3", 0.7, 0.05, "2026-03-04T00:00:00Z", false);
            StoreSync.rescan(store, results);
        });
        assertPatched("a sync of more new runs than one batch (the files made once at its end)", store -> {
            for (int i = 0; i < 1_001; i++) {
                FakeRuns.single(results, "many", "m" + i, 0.1 + (i % 7) * 0.1, 0.001 * (i % 5),
                        "2026-04-01T00:00:00Z", false);
            }
            StoreSync.rescan(store, results);
        });
        assertPatched("a reindex", store -> StoreSync.reindex(store, results));
    }

    @Test
    void aTagOrNoteRestampsTheValueColumnsInPlaceAndTheRowsFileEqualsARebuild() throws Exception {
        indexSixRunsAndAComponentSweep();
        makeFiles();
        Map<String, Object> before = fileKeys();
        assertPatched("a tag", store -> {
            RunAnnotations.retag(results.resolve("components/c"), List.of("final"), List.of());
            StoreSync.record(store, results, results.resolve("components/c"));
            Map<String, Object> after = fileKeys();
            for (String name : before.keySet()) {
                if (name.endsWith(".col")) { // its values unchanged: only its stamp written over, in the same file
                    assertEquals(before.get(name), after.get(name), name + " written in place");
                } else {
                    assertNotEquals(before.get(name), after.get(name), name + ": a record grew, written anew");
                }
            }
        });
        Map<String, Object> tagged = fileKeys();
        assertPatched("a note", store -> {
            RunAnnotations.note(results.resolve("p2-5/r2"), "a note that makes its record longer");
            StoreSync.record(store, results, results.resolve("p2-5/r2"));
            assertEquals(tagged.get(Long.toHexString(RunStore.keyId("prior.scale")) + ".col"),
                    fileKeys().get(Long.toHexString(RunStore.keyId("prior.scale")) + ".col"));
        });
        assertPatched("a run written again with other values", store -> {
            FakeRuns.single(results, "p2-5", "r2", 0.9, 0.07, "2026-03-03T00:00:00Z", false);
            StoreSync.rescan(store, results);
        });
    }

    /** Each cache file's identity (its inode): a file renamed into place has a new one. */
    private Map<String, Object> fileKeys() throws Exception {
        Map<String, Object> keys = new TreeMap<>();
        try (var list = Files.list(columns())) {
            for (Path f : list.toList()) {
                keys.put(f.getFileName().toString(),
                        Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return keys;
    }

    @Test
    void aWriteTheFilesDidNotSeeIsNotPatchedOver() throws Exception {
        for (int i = 0; i < 3; i++) {
            FakeRuns.single(results, "p2-5", "r" + i, 0.1 * (i + 1), 0.01, "2026-03-0" + (1 + i) + "T00:00:00Z", false);
        }
        try (RunStore store = open()) {
            StoreSync.sync(store, results);
        }
        makeFiles();
        try (RunStore other = open()) {
            // another process (one that does not patch) writes: a run gone, and its own token
            try (Statement s = other.connection().createStatement()) {
                s.execute("DELETE FROM wb_values WHERE row_id IN (SELECT row_id FROM wb_rows WHERE run_key = 'p2-5/r0')");
                s.execute("DELETE FROM wb_rows WHERE run_key = 'p2-5/r0'");
                s.execute("DELETE FROM wb_runs WHERE run_key = 'p2-5/r0'");
                s.execute("UPDATE wb_meta SET val = 'another-writer' WHERE name LIKE '" + RunStore.TOKEN + "%'");
            }
            other.connection().commit();
        }
        try (RunStore store = open()) {
            RunAnnotations.retag(results.resolve("p2-5/r2"), List.of("final"), List.of());
            StoreSync.record(store, results, results.resolve("p2-5/r2")); // patches only files of the state before it
            ValueColumns columns = ValueColumns.of(store.connection(), store.url());
            for (String key : KEYS) {
                assertNull(columns.kept(key), key + ": the files never saw the other write, so stay stale");
            }
            assertNull(columns.rows(new long[0]), "the rows' file stays stale too");
            store.connection().commit();
            assertEquals(2, store.query(new RunQuery("prior.scale > 0", "-prior.scale", List.of(), 10, 0)).total());
        }
        assertEquals("sync:a=t2\nschema=3\n", CachePatch.before("sync:a=t3\nschema=3\n", "sync:a", "t3", "t2"));
        assertEquals("b=1\nsync:a=t2\n", CachePatch.before("b=1\nsync:a=t3\n", "sync:a", "t3", "t2"));
        assertNull(CachePatch.before("b=1\nsync:a=t4\n", "sync:a", "t3", "t2"), "written again since");
    }

    @Test
    void aStoreKeepsItsColumnsWhileItsStateIsUnchanged() throws Exception {
        for (int i = 0; i < 3; i++) {
            FakeRuns.single(results, "p2-5", "r" + i, 0.1 * (i + 1), 0.01, "2026-03-0" + (1 + i) + "T00:00:00Z", false);
        }
        try (RunStore store = open()) {
            StoreSync.sync(store, results);
        }
        makeFiles();
        RunQuery sorted = new RunQuery("prior.scale > 0.15", "-prior.scale", List.of("prior.scale"), 10, 0);
        try (RunStore store = open()) {
            QueryAnswer first = store.query(sorted);
            ValueColumns kept = store.keptColumns();
            assertNotNull(kept);
            deleteTree(columns()); // a second query that read a file would not find it
            assertEquals(first, store.query(sorted));
            assertTrue(kept == store.keptColumns(), "the same columns, not read again");
            FakeRuns.single(results, "p2-5", "r9", 0.9, 0.01, "2026-03-09T00:00:00Z", false);
            StoreSync.record(store, results, results.resolve("p2-5/r9"));
            assertEquals(3, store.query(sorted).total());
            assertFalse(kept == store.keptColumns(), "a write moved the state: read again");
        }
    }

    @Test
    void aStoreNotesAtMostSoManyColumnsToMake() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunStore store = open()) {
            StoreSync.sync(store, results);
            for (int i = 0; i < RunStore.MOST_WANTED + 10; i++) {
                store.query(new RunQuery("results.k" + i + " > 0", null, List.of(), 1, 0));
            }
            assertEquals(RunStore.MOST_WANTED, store.takeWanted().columns().size());
            assertTrue(store.takeWanted().isEmpty(), "taken: the next close makes none of them");
        }
    }

    /**
     * Applies {@code change} in a store that is then closed without a query, and checks that every cache file is
     * current after it (no query has to make it again), answers as the index, and equals a rebuild byte for byte.
     */
    private void assertPatched(String when, Change change) throws Exception {
        try (RunStore store = open()) {
            change.apply(store);
            Map<String, byte[]> patched = files();
            assertTrue(patched.containsKey(RowFields.FILE), when);
            ValueColumns columns = ValueColumns.of(store.connection(), store.url());
            for (String key : KEYS) {
                assertNotNull(columns.kept(key), when + ": " + key + "'s column is current without a query");
            }
            assertNotNull(columns.rows(new long[0]), when + ": the rows' file is current without a query");
            store.connection().commit();
            for (String where : WHERES) { // the pages from the files, as the same expression kept in SQL
                QueryAnswer page = store.query(new RunQuery(where, "-prior.scale", List.of("prior.scale"), 100, 0));
                assertEquals(store.query(new RunQuery("not not (" + where + ")", "-prior.scale", List.of("prior.scale"),
                        100, 0)), page, when + ", patched: " + where);
            }
            Map<String, byte[]> after = files();
            for (String name : patched.keySet()) {
                assertArrayEquals(patched.get(name), after.get(name), when + ": " + name + " was not made again");
            }
            ValueColumns.of(store.connection(), store.url()).remake(store.connection()); // each file, from the store
            Map<String, byte[]> rebuilt = files();
            for (String name : patched.keySet()) {
                assertArrayEquals(rebuilt.get(name), patched.get(name), when + ": " + name + " equals a rebuild");
            }
        }
    }

    /** Queries every key sorted, twice in two stores: the columns are made as the first closes, the rows' file as the second. */
    private void makeFiles() throws Exception {
        for (int round = 0; round < 2; round++) {
            try (RunStore store = open()) {
                for (String key : KEYS) {
                    store.query(new RunQuery(key + " != 'x' or " + key + " != 0", null, List.of(), 1, 0));
                    store.query(new RunQuery("prior.scale > 0", "-" + key, List.of(), 10, 0));
                }
            }
        }
        assertTrue(Files.exists(columns().resolve(RowFields.FILE)));
    }

    private Map<String, byte[]> files() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(columns())) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    /** A change to the store. */
    private interface Change {
        void apply(RunStore store) throws Exception;
    }

    /**
     * Applies {@code change}, queries (the queried keys' columns are stale or missing: answered from the index,
     * made as the store closes), and in a store opened again checks that the columns answer as the index and
     * equal a rebuild; then once more with the rows' page fields those queries left.
     */
    private void checkAfter(String when, Change change) throws Exception {
        try (RunStore store = open()) {
            change.apply(store);
            assertAnswersAsTheIndex(store, when + ", from the index");
        }
        try (RunStore store = open()) {
            ValueColumns columns = ValueColumns.of(store.connection(), store.url());
            for (String key : List.of("prior.scale", "prior.use", "results.testMse.map", "results.lambda")) {
                assertNotNull(columns.kept(key), when + ": " + key + "'s column made as the store closed");
            }
            store.connection().commit();
            assertAnswersAsTheIndex(store, when + ", from the columns");
            assertColumnsEqualRebuild(store, when);
        }
        // the columns served whole queries in this state: the rows' page fields were made as the store closed
        assertTrue(Files.exists(columns().resolve(RowFields.FILE)), when + ": the rows' page fields are kept");
        try (RunStore store = open()) {
            assertAnswersAsTheIndex(store, when + ", from the columns and the rows' page fields");
        }
    }

    @Test
    void aStoreKeepsNoColumnsBeforeItsFirstWriteNorOnAServer() throws Exception {
        assertNull(ValueColumns.folder("jdbc:postgresql://localhost/workbench"));
        assertNull(ValueColumns.folder("jdbc:h2:mem:x"));
        assertEquals(Path.of("/r/.store/runs.columns"), ValueColumns.folder("jdbc:h2:file:/r/.store/runs;AUTO_SERVER=TRUE"));
        try (RunStore store = open()) {
            assertNull(ValueColumns.of(store.connection(), store.url()), "nothing written: no token, no columns");
            FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
            StoreSync.sync(store, results);
            assertNotNull(ValueColumns.of(store.connection(), store.url()));
            store.connection().commit();
        }
    }

    @Test
    void aReindexStoppedWithBareTablesIsIndexedAtTheNextOpen() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunStore store = open()) {
            StoreSync.sync(store, results);
            StoreSchema.recreateBare(store.connection()); // a reindex that stops before its indexes
            store.connection().commit();
            assertEquals(0, indexes(store));
        }
        try (RunStore store = open()) {
            assertEquals(7, indexes(store), "made again as the store opens");
            try (Statement s = store.connection().createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM wb_meta WHERE name = 'bare'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            store.connection().commit();
        }
    }

    private static int indexes(RunStore store) throws Exception {
        try (Statement s = store.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME LIKE 'WB\\_%'"
                        + " ESCAPE '\\' AND INDEX_TYPE_NAME <> 'PRIMARY KEY'")) {
            rs.next();
            int n = rs.getInt(1);
            store.connection().commit();
            return n;
        }
    }

    /** Every expression and sort, through the columns, answers as the same expression kept in SQL. */
    private static void assertAnswersAsTheIndex(RunStore store, String when) throws Exception {

        for (String where : WHERES) {
            for (String sort : SORTS) {
                QueryAnswer sql = store.query(new RunQuery("not not (" + where + ")", sort, List.of("prior.scale"), 100, 0));
                List<String> all = names(sql);
                for (int[] slice : new int[][] {{1, 0}, {2, 1}, {2, 4}, {100, 0}}) {
                    int limit = slice[0];
                    int offset = slice[1];
                    QueryAnswer page = store.query(new RunQuery(where, sort, List.of("prior.scale"), limit, offset));
                    assertEquals(sql.total(), page.total(), when + ": " + where + " sorted " + sort);
                    assertEquals(sql.rows().subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())),
                            page.rows(), when + ": " + where + " sorted " + sort + ", limit " + limit + ", offset " + offset);
                }
            }
        }
    }

    /** The column each queried key has on disk equals one made from the store now. */
    private void assertColumnsEqualRebuild(RunStore store, String when) throws Exception {
        ValueColumns columns = ValueColumns.of(store.connection(), store.url());
        for (String key : List.of("prior.scale", "prior.use", "results.testMse.map", "results.lambda")) {
            ValueColumns.Column kept = columns.kept(key);
            ValueColumns.Column made = ValueColumns.Column.read(store.connection(), RunStore.keyId(key));
            assertNotNull(kept, key);
            assertEquals(made.numbers(), kept.numbers(), when + ": " + key);
            for (int i = 0; i < made.numbers(); i++) {
                assertEquals(made.numberRow(i), kept.numberRow(i), when + ": " + key);
                assertEquals(made.number(i), kept.number(i), when + ": " + key);
            }
            for (String op : List.of("=", "!=")) {
                assertArrayEquals(made.textsMeeting(op, "laplace")[0], kept.textsMeeting(op, "laplace")[0], when + ": " + key);
            }
        }
        store.connection().commit();
    }

    private static List<String> names(QueryAnswer answer) {
        return answer.rows().stream()
                .map(r -> r.experiment() + "/" + r.runId() + (r.point() == 0 ? "" : "#" + r.point())).toList();
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}

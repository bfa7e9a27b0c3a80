package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/** The served runs table opens its store as the server starts and syncs later in the background. */
class RunTableTest {
    private static final String ALL = "{\"where\":\"\",\"columns\":[],\"limit\":50,\"offset\":0}";

    @TempDir
    Path results;

    @Test
    void warmOpensAStoreInUseWithoutARequest() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunTable none = new RunTable(results, Map.of(), () -> null)) {
            none.warm();
            assertFalse(none.ready(), "no store yet: nothing opened at start");
            assertEquals(1, total(none.apply(ALL)), "the first request makes the store");
        }
        FakeRuns.single(results, "p2-5", "b", 0.5, 0.02, "2026-01-02T00:00:00Z", false);
        try (RunTable table = new RunTable(results, Map.of(), () -> null)) {
            table.warm();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!table.ready() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(table.ready(), "warm opened the store in use");
            assertEquals(2, total(table.apply(ALL)), "the sync at warm-up found the new run");
        }
    }

    @Test
    void aFolderDeletedWhileServingLeavesTheTableAfterABackgroundSync() throws Exception {
        FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        Path b = FakeRuns.single(results, "p2-5", "b", 0.5, 0.02, "2026-01-02T00:00:00Z", false);
        try (RunTable table = new RunTable(results, Map.of(), () -> null, 0)) {
            assertEquals(2, total(table.apply(ALL)));
            deleteTree(b);
            long deadline = System.currentTimeMillis() + 60_000;
            int total = 2;
            while (total != 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                total = total(table.apply(ALL)); // each request answers at once and starts a sync when due
            }
            assertEquals(1, total);
        }
    }

    /** The served table's background sync is a rescan now and then: a result.json edited by hand in place is found. */
    @Test
    void aHandEditInsideARunFolderIsFoundByABackgroundRescan() throws Exception {
        Path a = FakeRuns.single(results, "p2-5", "a", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunTable table = new RunTable(results, Map.of(), () -> null, 0, 0)) {
            String failed = "{\"where\": \"status = 'failed'\"}";
            assertEquals(0, total(table.apply(failed)));
            Path result = a.resolve("result.json");
            Files.writeString(result, Files.readString(result).replace("\"status\":\"ok\"", "\"status\":\"failed\""));
            Files.setLastModifiedTime(result, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(result).toMillis() + 2000));
            long deadline = System.currentTimeMillis() + 60_000;
            int total = 0;
            while (total != 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                total = total(table.apply(failed));
            }
            assertEquals(1, total);
        }
    }

    @Test
    void aServedTableMakesTheFilesItsQueriesMissedWithoutClosing() throws Exception {
        for (int i = 0; i < 3; i++) {
            FakeRuns.single(results, "p2-5", "r" + i, 0.1 * (i + 1), 0.01, "2026-01-0" + (1 + i) + "T00:00:00Z", false);
        }
        String sorted = "{\"where\":\"prior.scale > 0.15\",\"sort\":\"-prior.scale\",\"limit\":50,\"offset\":0}";
        Path columns = ValueColumns.folder(StoreLocation.of(results, Map.of()).url());
        Path scale = columns.resolve(Long.toHexString(RunStore.keyId("prior.scale")) + ".col");
        try (RunTable table = new RunTable(results, Map.of(), () -> null)) {
            table.apply(ALL);
            table.apply(ALL); // a second write of the manifest's token, if any, is behind us
            long deadline = System.currentTimeMillis() + 20_000;
            while (!(Files.exists(scale) && Files.exists(columns.resolve(RowFields.FILE)))
                    && System.currentTimeMillis() < deadline) {
                assertEquals(2, total(table.apply(sorted))); // each answer at once; the files made after it
                Thread.onSpinWait();
            }
            assertTrue(Files.exists(scale), "the sort key's column made while the table stays open");
            assertTrue(Files.exists(columns.resolve(RowFields.FILE)), "and then the rows' file");
        }
    }

    private static int total(String answer) {
        return JsonParser.parseString(answer).getAsJsonObject().get("total").getAsInt();
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}

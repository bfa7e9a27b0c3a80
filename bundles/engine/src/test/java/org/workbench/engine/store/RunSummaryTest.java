package org.workbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The home and question pages' summary: each experiment's counts and newest homework runs, from the store alone. */
class RunSummaryTest {
    @TempDir
    Path results;

    private static JsonObject ask(RunSummary summary, String request) {
        return JsonParser.parseString(summary.apply(request)).getAsJsonObject();
    }

    private static List<String> ids(JsonObject answer, String experiment) {
        return answer.getAsJsonObject("experiments").getAsJsonObject(experiment).getAsJsonArray("homework").asList()
                .stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void aResultsFolderWithoutAStoreIsLeftToTheFoldersAndGetsNone() throws Exception {
        FakeRuns.single(results, "p2-5", "20260101-000000-000-aaaa", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunTable table = new RunTable(results, Map.of(), () -> null)) {
            JsonObject answer = ask(new RunSummary(table, results, Map.of()), "{\"experiments\":[\"p2-5\"]}");
            assertTrue(answer.has("unavailable"), answer.toString());
            assertFalse(StoreLocation.of(results, Map.of()).inUse(), "asking made no store");
        }
    }

    @Test
    void countsAndNewestHomeworkRunsPerExperimentFollowEveryWrite() throws Exception {
        FakeRuns.single(results, "p2-5", "20260101-000000-000-aaaa", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        FakeRuns.single(results, "p2-5", "20260102-000000-000-bbbb", 0.2, 0.04, "2026-01-02T00:00:00Z", true);
        FakeRuns.single(results, "p2-5", "20260103-000000-000-cccc", 0.3, 0.04, "2026-01-03T00:00:00Z", false);
        // a name that sorts right after "p2-5/" keys, and one that starts with it: neither is p2-5's
        FakeRuns.single(results, "p2-5b", "20260104-000000-000-dddd", 0.3, 0.04, "2026-01-04T00:00:00Z", false);
        FakeRuns.single(results, "p2-5.x", "20260104-000000-000-eeee", 0.3, 0.04, "2026-01-04T00:00:00Z", false);
        try (RunTable table = new RunTable(results, Map.of(), () -> null)) {
            table.apply("{\"where\":\"\"}"); // the runs page made the store
            RunSummary summary = new RunSummary(table, results, Map.of());
            JsonObject answer = ask(summary, "{\"experiments\":[\"p2-5\",\"p1-1\"],\"homework\":5}");
            assertEquals(5, answer.get("runs").getAsLong());
            JsonObject p25 = answer.getAsJsonObject("experiments").getAsJsonObject("p2-5");
            assertEquals(3, p25.get("runs").getAsLong());
            assertEquals(1, p25.get("adHoc").getAsLong(), "the run with overrides is ad hoc");
            assertEquals(List.of("20260103-000000-000-cccc", "20260101-000000-000-aaaa"), ids(answer, "p2-5"));
            assertEquals(0, answer.getAsJsonObject("experiments").getAsJsonObject("p1-1").get("runs").getAsLong());
            assertEquals(List.of("20260103-000000-000-cccc"), ids(ask(summary, "{\"experiments\":[\"p2-5\"]}"), "p2-5"));
            assertEquals(List.of("20260101-000000-000-aaaa"), ids(ask(summary,
                    "{\"experiments\":[\"p2-5\"],\"homework\":3,\"before\":{\"p2-5\":\"20260103-000000-000-cccc\"}}"), "p2-5"),
                    "older than a candidate the caller turned down");

            JsonObject newest = ask(summary, "{\"newest\":2}");
            assertEquals(List.of("p2-5.x/20260104-000000-000-eeee", "p2-5b/20260104-000000-000-dddd"),
                    newest.getAsJsonArray("newest").asList().stream().map(e -> e.getAsString()).sorted().toList(),
                    "the two newest runs by start time");

            // a run just published (it records itself in the store) is the newest at once
            Path run = FakeRuns.single(results, "p2-5", "20260105-000000-000-ffff", 0.3, 0.04, "2026-01-05T00:00:00Z", false);
            assertTrue(RunRecorder.record(results, run, Map.of(), () -> null) == null);
            answer = ask(summary, "{\"experiments\":[\"p2-5\"]}");
            assertEquals(List.of("20260105-000000-000-ffff"), ids(answer, "p2-5"));
            assertEquals(6, answer.get("runs").getAsLong());
            assertEquals(4, answer.getAsJsonObject("experiments").getAsJsonObject("p2-5").get("runs").getAsLong());
        }
    }

    @Test
    void theNewestRunsAreNotCountedAgainUntilAWrite() throws Exception {
        FakeRuns.single(results, "p2-5", "20260101-000000-000-aaaa", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunTable table = new RunTable(results, Map.of(), () -> null)) {
            table.apply("{\"where\":\"\"}");
            table.read(store -> {
                try (java.sql.Statement s = store.connection().createStatement()) {
                    s.execute("SET QUERY_STATISTICS TRUE");
                }
                return null;
            });
            RunSummary summary = new RunSummary(table, results, Map.of());
            assertEquals(1, ask(summary, "{\"newest\":5}").getAsJsonArray("newest").size());
            long counted = counts(table);
            assertTrue(counted > 0, "the statistics see the count");
            for (int i = 0; i < 3; i++) {
                assertEquals(1, ask(summary, "{\"newest\":5}").getAsJsonArray("newest").size());
            }
            assertEquals(counted, counts(table), "no COUNT(*) while nothing was written");
            Path run = FakeRuns.single(results, "p2-5", "20260105-000000-000-ffff", 0.3, 0.04, "2026-01-05T00:00:00Z", false);
            assertTrue(RunRecorder.record(results, run, Map.of(), () -> null) == null);
            assertEquals(2, ask(summary, "{\"newest\":5}").getAsJsonArray("newest").size(), "a write is seen at once");
        }
    }

    /** How many times the store ran {@code SELECT COUNT(*) FROM wb_runs} since query statistics were turned on. */
    private static long counts(RunTable table) throws Exception {
        return table.read(store -> {
            try (java.sql.Statement s = store.connection().createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM "
                            + "INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT = 'SELECT COUNT(*) FROM wb_runs'")) {
                rs.next();
                long n = rs.getLong(1);
                store.connection().commit();
                return n;
            }
        });
    }

    @Test
    void aRequestThatIsNotOneSaysSo() throws Exception {
        Files.createDirectories(results);
        try (RunTable table = new RunTable(results, Map.of(), () -> null)) {
            JsonObject answer = ask(new RunSummary(table, results, Map.of()), "[1]");
            assertEquals(2, answer.get("status").getAsInt(), answer.toString());
        }
    }

    @Test
    void theFirstSyncTellsTheTablesWarningsWhichFoldersItCouldNotRead() throws Exception {
        FakeRuns.single(results, "p2-5", "20260101-000000-000-aaaa", 0.1, 0.04, "2026-01-01T00:00:00Z", false);
        try (RunTable table = new RunTable(results, Map.of(), () -> null)) {
            table.apply("{\"where\":\"\"}"); // the runs page made the store
        }
        Path corrupt = Files.createDirectories(results.resolve("p2-5").resolve("20260102-000000-000-bbbb"));
        Files.writeString(corrupt.resolve("result.json"), "{\"name\": tru");
        List<String> warnings = new java.util.ArrayList<>();
        try (RunTable table = new RunTable(results, Map.of(), () -> null, warnings::add)) {
            JsonObject answer = ask(new RunSummary(table, results, Map.of()), "{\"experiments\":[\"p2-5\"]}");
            assertEquals(1, answer.get("runs").getAsLong(), answer.toString());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("warning: not indexed: " + corrupt), warnings.toString());
    }
}

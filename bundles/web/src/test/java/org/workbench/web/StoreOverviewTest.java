package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The home and question pages with a run store: they read the newest homework candidates' folders the
 * store names, not every run folder, and still apply the pages' own homework rule.
 */
class StoreOverviewTest {
    private static final int RUNS = 40;

    @TempDir
    Path folder;
    private final List<String> requests = new ArrayList<>();

    private Path experiments() throws Exception {
        Path experiments = Files.createDirectories(folder.resolve("experiments"));
        Files.writeString(experiments.resolve("p1.json"), "{\"format\":1,\"name\":\"p1\"}");
        Files.writeString(experiments.resolve("p1.md"), "---\nquestions: 1.1\n---\n## Answer\nIt is {{results.x}}.\n");
        return experiments;
    }

    /** {@code RUNS} homework runs of p1 (the last {@code changed} of them ran another descriptor), newest last. */
    private List<String> runs(Path experiments, int changed) throws Exception {
        String sha = RunIndex.sha256(experiments.resolve("p1.json"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String id = String.format(Locale.ROOT, "20261207-0500%02d-000-abcd", i);
            Path run = Files.createDirectories(folder.resolve("results/p1").resolve(id));
            Files.writeString(run.resolve("result.json"), "{\"name\":\"p1\",\"status\":\"ok\",\"results\":{\"x\":" + i
                    + "},\"provenance\":{\"descriptorSha256\":\"" + (i >= RUNS - changed ? "0" + sha.substring(1) : sha)
                    + "\",\"overrides\":[],\"startedAt\":\"2026-12-07T05:00:" + String.format(Locale.ROOT, "%02d", i) + "Z\"}}");
            ids.add(id);
        }
        return ids;
    }

    /** The engine's summary as the store answers it, from the list of run ids it holds as homework (oldest first). */
    private Function<String, String> store(List<String> homework, long adHoc) {
        return request -> {
            requests.add(request);
            JsonObject q = JsonParser.parseString(request).getAsJsonObject();
            int n = q.get("homework").getAsInt();
            String before = q.getAsJsonObject("before").has("p1") ? q.getAsJsonObject("before").get("p1").getAsString() : null;
            JsonArray ids = new JsonArray();
            for (int i = homework.size() - 1; i >= 0 && ids.size() < n; i--) {
                if (before == null || homework.get(i).compareTo(before) < 0) {
                    ids.add(homework.get(i));
                }
            }
            JsonObject e = new JsonObject();
            e.addProperty("runs", homework.size() + adHoc);
            e.addProperty("adHoc", adHoc);
            e.add("homework", ids);
            JsonObject each = new JsonObject();
            for (var name : q.getAsJsonArray("experiments")) {
                each.add(name.getAsString(), name.getAsString().equals("p1") ? e : empty());
            }
            JsonObject a = new JsonObject();
            a.addProperty("runs", homework.size() + adHoc + 1000);
            a.add("experiments", each);
            if (q.has("newest")) {
                JsonArray newest = new JsonArray();
                for (int i = homework.size() - 1; i >= 0 && newest.size() < q.get("newest").getAsInt(); i--) {
                    newest.add("p1/" + homework.get(i));
                }
                a.add("newest", newest);
            }
            return a.toString();
        };
    }

    private static JsonObject empty() {
        JsonObject e = new JsonObject();
        e.addProperty("runs", 0);
        e.addProperty("adHoc", 0);
        e.add("homework", new JsonArray());
        return e;
    }

    @Test
    void theHomePageReadsOnlyTheNewestHomeworkRunsFolder() throws Exception {
        Path experiments = experiments();
        List<String> ids = runs(experiments, 0);
        RunIndex index = new RunIndex(folder.resolve("results"), experiments, () -> store(ids, 3));
        Map<String, Object> m = HomePage.HomeModel.build(index, new Markdown(), new java.util.LinkedHashMap<>(), Links.SERVED);
        assertEquals(1, index.folderReads(), "one folder: the newest homework run's, not all " + RUNS);
        assertEquals(1043L, m.get("runCount"), "the store's count of every run");
        Map<String, Object> status = HomePage.HomeModel.status("p1", index.overview(List.of("p1")).experiments().get("p1"));
        assertEquals("p1/" + ids.get(RUNS - 1), status.get("run"));
        assertEquals(3L, status.get("adHoc"));
    }

    @Test
    void aCandidateTheStoreCallsHomeworkButWhoseDescriptorChangedIsPassedOver() throws Exception {
        Path experiments = experiments();
        List<String> ids = runs(experiments, 3); // the three newest ran an older p1.json
        RunIndex index = new RunIndex(folder.resolve("results"), experiments, () -> store(ids, 0));
        assertEquals(ids.get(RUNS - 4), index.latestHomework("p1").orElseThrow().runId());
        assertEquals(0, index.overview(List.of("p1")).experiments().get("p1").adHoc(),
                "the store's count: the three runs of another descriptor are neither the answer nor ad hoc");
        assertTrue(index.folderReads() <= 4 + StoreOverview.MORE, index.folderReads() + " folders read");
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        QuestionPage.build(index, new Markdown(), Homework.read(experiments).question("1.1"), m, Links.SERVED, null, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> e = ((List<Map<String, Object>>) m.get("experiments")).get(0);
        assertEquals("p1/" + ids.get(RUNS - 4), e.get("run"));
        assertTrue(index.folderReads() < RUNS, index.folderReads() + " folders read");
    }

    @Test
    void theMcmcAndPluginsPagesReadTheNewestRunsTheStoreNames() throws Exception {
        Path experiments = experiments();
        List<String> ids = runs(experiments, 0);
        RunIndex index = new RunIndex(folder.resolve("results"), experiments, () -> store(ids, 0));
        RunIndex.Newest newest = index.newest(5);
        List<String> five = new ArrayList<>(ids.subList(RUNS - 5, RUNS));
        java.util.Collections.reverse(five);
        assertEquals(five, newest.runs().stream().map(RunRecord::runId).toList());
        assertEquals(1040, newest.of());
        assertTrue(newest.partial());
        assertEquals(5, index.folderReads(), "the five newest folders only");
        RunIndex folders = new RunIndex(folder.resolve("results"), experiments);
        assertEquals(newest.runs().stream().map(RunRecord::id).toList(),
                folders.newest(5).runs().stream().map(RunRecord::id).toList(), "the same runs as the folders give");
    }

    @Test
    void theHandinReadsOnlyTheNewestHomeworkRunsFolder() throws Exception {
        Path experiments = experiments();
        List<String> ids = runs(experiments, 0);
        RunIndex index = new RunIndex(folder.resolve("results"), experiments, () -> store(ids, 0));
        HandinModel.build(index, new Markdown(), Map.of("Workbench", "9.9.9"), "./workbench handin");
        assertTrue(index.folderReads() <= 3, index.folderReads() + " folder reads: the answer's run, once for each "
                + "place of the hand-in that names it, not all " + RUNS);
    }

    @Test
    void theHandinFindsTheSummaryOfItsOwnResultsFolder() throws Exception {
        Path odd = folder.resolve("a (b)*\\c").resolve("results");
        org.osgi.framework.Filter filter = org.osgi.framework.FrameworkUtil.createFilter(FolderSummary.filter(odd));
        assertTrue(filter.matches(Map.of("workbench.service", "run-summary", "workbench.results",
                odd.toAbsolutePath().normalize().toString())), filter.toString());
        assertTrue(!filter.matches(Map.of("workbench.service", "run-summary", "workbench.results",
                folder.resolve("results").toAbsolutePath().normalize().toString())), "another results folder's");
    }

    @Test
    void withoutAStoreTheFoldersAnswerAsBefore() throws Exception {
        Path experiments = experiments();
        List<String> ids = runs(experiments, 1);
        RunIndex index = new RunIndex(folder.resolve("results"), experiments,
                () -> request -> "{\"unavailable\":\"no run store\"}");
        RunIndex.Overview overview = index.overview(List.of("p1"));
        assertEquals(RUNS, overview.runs());
        assertEquals(ids.get(RUNS - 2), overview.experiments().get("p1").latest().orElseThrow().runId());
        assertEquals(1, overview.experiments().get("p1").adHoc(), "the run of the changed descriptor, found by reading it");
    }

    @Test
    void theHandinAsksTheStoreOnceForTheWholeHandin() throws Exception {
        Path experiments = experiments();
        Files.writeString(experiments.resolve("p1.md"), "---\nquestions: 1.1, 1.2\n---\n## Answer\nIt is {{results.x}}.\n");
        List<String> ids = runs(experiments, 0);
        RunIndex index = new RunIndex(folder.resolve("results"), experiments, () -> store(ids, 0));
        Map<String, Object> m = HandinModel.build(index, new Markdown(), Map.of("Workbench", "9.9.9"), "./workbench handin");
        assertEquals(1, requests.size(), "one overview for every question, answer and appendix row: " + requests);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> rows = (List<Map<String, String>>) ((Map<String, Object>) m.get("appendix")).get("runs");
        assertEquals("1.1, 1.2", rows.get(0).get("questions"));
        assertTrue(rows.get(0).get("started").startsWith("2026-12-07 05:00:" + (RUNS - 1)), rows.toString());
    }

    @Test
    void theReportReadsTheNewestHomeworkRunAndTheNewestRunsFoldersOnly() throws Exception {
        Path experiments = experiments();
        List<String> ids = runs(experiments, 0);
        RunIndex index = new RunIndex(folder.resolve("results"), experiments, () -> store(ids, 0));
        Map<String, Object> m = ReportPages.model(index, new Markdown(), 10);
        assertTrue(index.folderReads() <= 11, index.folderReads() + " folders read: the answer's and the ten newest, not all "
                + RUNS);
        assertEquals(2, requests.size(), "one overview and one list of the newest runs: " + requests);
        assertEquals(10, ((List<?>) m.get("runs")).size());
        assertEquals("10 newest of 1,040", m.get("newestOnly"), "the store's count of every run");
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = ((List<Map<String, Object>>) ((List<Map<String, Object>>) m.get("questions")).get(0)
                .get("experiments")).get(0);
        assertEquals("p1/" + ids.get(RUNS - 1), answer.get("run"));
    }

    @Test
    void withoutAStoreTheReportListsEveryRunUpToItsLimit() throws Exception {
        Path experiments = experiments();
        runs(experiments, 0);
        RunIndex index = new RunIndex(folder.resolve("results"), experiments);
        Map<String, Object> m = ReportPages.model(index, new Markdown(), ReportPages.OTHER_RUNS);
        assertEquals(RUNS, ((List<?>) m.get("runs")).size());
        assertTrue(!m.containsKey("newestOnly"), "every run is listed: " + m.get("newestOnly"));
        assertEquals("10 newest of 40", ReportPages.model(index, new Markdown(), 10).get("newestOnly"));
    }
}

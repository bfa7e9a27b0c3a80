package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home and question pages on a results folder with a run store (docs/web.md): the newest homework
 * run of each experiment and the ad hoc count come from the store, checked against the pages' own rule
 * (a newer run the store calls homework that ran another descriptor does not answer), and a run the
 * server just finished is the answer at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeFromStoreIT {
    private static final String P11 = "p1-1-posterior";
    private static final int HOMEWORK = 30;

    @TempDir
    static Path work;
    static WebServer server;
    static String newestHomework;

    @BeforeAll
    static void boot() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(WorkbenchRuntimeIT.EXPERIMENTS.resolve(P11 + ".json"))));
        Path results = work.resolve("results");
        for (int i = 0; i < HOMEWORK; i++) {
            newestHomework = fakeRun(results, i, sha, "[]");
        }
        fakeRun(results, HOMEWORK, sha, "[\"prior.with.variance=9\"]");
        fakeRun(results, HOMEWORK + 1, sha, "[\"prior.with.variance=0.5\"]");
        // newest of all: no overrides and a descriptor under experiments/ (homework to the store), but
        // an older version of the file than the one served
        fakeRun(results, HOMEWORK + 2, "0".repeat(64), "[]");
        server = new WebServer(work, P11 + ".json");
        assertEquals(200, server.get("runs").statusCode(), "the runs page makes the store");
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The {@code i}th fake run of p1-1 (started {@code i} seconds after 2026-01-01, for {@code i} below 86,400). */
    static String fakeRun(Path results, int i, String sha, String overrides) throws Exception {
        String id = String.format(Locale.ROOT, "20260101-%02d%02d%02d-000-aaaa", i / 3600, i / 60 % 60, i % 60);
        Path folder = Files.createDirectories(results.resolve(P11).resolve(id));
        Files.writeString(folder.resolve("result.json"), "{\"name\":\"" + P11 + "\",\"title\":\"Fake " + i + "\","
                + "\"task\":\"gaussian-mean\",\"status\":\"ok\",\"seed\":1,\"results\":{\"n\":" + i + "},"
                + "\"artifacts\":[],\"provenance\":{\"components\":{},\"descriptor\":\"experiments/" + P11 + ".json\","
                + "\"descriptorSha256\":\"" + sha + "\",\"overrides\":" + overrides + ",\"startedAt\":\""
                + String.format(Locale.ROOT, "2026-01-01T%02d:%02d:%02dZ", i / 3600, i / 60 % 60, i % 60)
                + "\",\"durationMs\":5}}",
                StandardCharsets.UTF_8);
        return id;
    }

    private static String experimentRow(String home) {
        Matcher row = Pattern.compile("(?s)<tr[^>]*>(?:(?!</tr>).)*#exp-" + P11 + "(?:(?!</tr>).)*</tr>").matcher(home);
        assertTrue(row.find(), home);
        return row.group();
    }

    @Test
    @Order(1)
    void homeShowsTheNewestRunOfTheServedDescriptorAndCountsTheRest() throws Exception {
        String row = experimentRow(server.get("").body());
        assertTrue(row.contains("/runs/" + P11 + "/" + newestHomework), row);
        assertTrue(row.contains("+2 ad hoc"), "the two with overrides (the store's count; the run of another "
                + "version of the descriptor is neither the answer nor ad hoc): " + row);
        String question = server.get("question/1.1").body();
        assertTrue(question.contains(P11 + "/" + newestHomework), "the question's answer is the same run");
    }

    @Test
    @Order(2)
    void aRunJustFinishedIsTheAnswerAtOnce() throws Exception {
        HttpResponse<String> started = server.post("api/run", "experiment=" + P11, server.token());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find(), started.body());
        String events = server.get("api/events?id=" + id.group(1)).body();
        Matcher run = Pattern.compile("\"run\":\"(" + P11 + "/[^\"]+)\"").matcher(events);
        assertTrue(run.find(), events);
        String row = experimentRow(server.get("").body());
        assertTrue(row.contains("/runs/" + run.group(1)), run.group(1) + " on home: " + row);
        assertFalse(row.contains(newestHomework), row);
        assertTrue(row.contains("+2 ad hoc"), row);
        assertTrue(server.get("question/1.1").body().contains(run.group(1)), "and on its question page");
    }
}

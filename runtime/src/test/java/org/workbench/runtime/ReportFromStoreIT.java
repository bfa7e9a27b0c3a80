package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on a results folder with a run store (docs/run-store.md): the answers and counts come
 * from the store (checked against the pages' own homework rule, as the served home page does), the
 * report lists the 200 newest runs and says how many there are, not every folder, and a result the
 * store's sync could not read is still named.
 */
class ReportFromStoreIT {
    private static final String P11 = "p1-1-posterior";
    private static final int HOMEWORK = 230;

    @TempDir
    static Path work;
    static Launcher launcher;

    @BeforeAll
    static void boot() throws Exception {
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, work.resolve("plugins"), false);
    }

    @AfterAll
    static void shutdown() throws Exception {
        launcher.close();
    }

    @Test
    void theReportOfAFolderWithAStoreReadsTheRunsItNames() throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(WorkbenchRuntimeIT.EXPERIMENTS.resolve(P11 + ".json"))));
        Path results = work.resolve("results");
        String newestHomework = null;
        for (int i = 0; i < HOMEWORK; i++) {
            newestHomework = HomeFromStoreIT.fakeRun(results, i, sha, "[]");
        }
        HomeFromStoreIT.fakeRun(results, HOMEWORK, sha, "[\"prior.with.variance=9\"]");
        HomeFromStoreIT.fakeRun(results, HOMEWORK + 1, sha, "[\"prior.with.variance=0.5\"]");
        // newest of all: homework to the store, but it ran an older version of the descriptor
        String edited = HomeFromStoreIT.fakeRun(results, HOMEWORK + 2, "0".repeat(64), "[]");
        Path corrupt = Files.createDirectories(results.resolve("p2-broken").resolve("20260101-000000-000-bbbb"));
        Files.writeString(corrupt.resolve("result.json"), "{\"name\": tru");
        WorkbenchRuntimeIT.Outcome runs = PluginsIT.executeOn(launcher, "runs", "--out", results.toString(), "--limit", "1");
        assertEquals(0, runs.status(), runs.err());

        WorkbenchRuntimeIT.Outcome o = PluginsIT.executeOn(launcher, "report", "--out", results.toString(),
                "--experiments", WorkbenchRuntimeIT.EXPERIMENTS.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("warning: skipped " + corrupt), "the store's sync names it: " + o.err());
        String html = Files.readString(results.resolve("report.html"));
        Matcher row = Pattern.compile("(?s)<tr[^>]*>(?:(?!</tr>).)*#q-1\\.1-" + P11 + "(?:(?!</tr>).)*</tr>").matcher(html);
        assertTrue(row.find(), html);
        assertTrue(row.group().contains(P11 + "/" + newestHomework), "the newest run of the current descriptor: " + row.group());
        assertTrue(row.group().contains("+2 ad hoc"), "the store's count (the run of another version of the descriptor "
                + "is neither the answer nor ad hoc): " + row.group());
        String others = html.substring(html.indexOf("<section id=\"other-runs\">"));
        assertTrue(others.contains("The 200 newest of " + (HOMEWORK + 3) + " result folders"), others.substring(0, 400));
        assertEquals(200, others.split("<tr><td>", -1).length - 1, "the 200 newest runs only");
        assertTrue(others.contains(P11 + "/" + edited), "the newest run is listed");
        assertFalse(others.contains(P11 + "/20260101-000000-000-aaaa"), "the oldest is not");
    }
}

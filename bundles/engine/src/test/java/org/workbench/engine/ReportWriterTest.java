package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.output.ReportWriter;

class ReportWriterTest {
    @TempDir
    Path results;

    private void run(String experiment, String runId, String title, String artifact) throws Exception {
        Path folder = Files.createDirectories(results.resolve(experiment).resolve(runId));
        Files.writeString(folder.resolve("result.json"), "{\"name\":\"" + experiment + "\",\"title\":\"" + title
                + "\",\"task\":\"t\",\"seed\":1,\"results\":{\"x\":1},\"artifacts\":[\"" + artifact + "\"]}");
    }

    @Test
    void showsTheLatestWholeRunOfEveryExperimentWithItsPlots() throws Exception {
        run("a", "20260101-000000-000-0001", "old <title>", "old.png");
        run("a", "20260102-000000-000-0001", "new title", "points/0/new.png");
        run("b", "20260101-000000-000-0001", "b title", "b.png");
        Files.createDirectories(results.resolve("a").resolve(".incomplete-20260103-000000-000-0001"));
        Path report = new ReportWriter().write(results);
        String html = Files.readString(report);
        assertTrue(html.contains("new title") && html.contains("b title"), html);
        assertFalse(html.contains("old &lt;title&gt;") || html.contains("old <title>"), "an older run is not shown");
        assertTrue(html.contains("a/20260102-000000-000-0001/points/0/new.png"), html);
        assertTrue(html.contains("b/20260101-000000-000-0001/result.json"), html);
        assertFalse(html.contains(".incomplete-"), "an unfinished run is never shown");
    }

    @Test
    void aCorruptResultIsNamedAndSkippedWhileTheOthersAreReported() throws Exception {
        run("b", "20260101-000000-000-0001", "b title", "b.png");
        Path corrupt = Files.createDirectories(results.resolve("a").resolve("20260101-000000-000-0001"));
        Files.writeString(corrupt.resolve("result.json"), "{\"name\": tru");
        ReportWriter writer = new ReportWriter();
        String html = Files.readString(writer.write(results));
        assertTrue(html.contains("b title") && html.contains("cannot be read"), html);
        assertTrue(writer.unreadable().size() == 1 && writer.unreadable().get(0).startsWith(
                corrupt.resolve("result.json").toString()), writer.unreadable().toString());
    }

    @Test
    void reportOutAFileIsExit2() throws Exception {
        Path file = Files.writeString(results.resolve("file"), "x");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = new org.workbench.engine.cli.Commands(new FakeProviders(), new org.workbench.engine.output.XChartRenderer(),
                java.util.Map.of(), false, java.util.List::of).execute(new String[] {"report", "--out", file.toString()},
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
        assertTrue(status == 2 && err.toString().contains("is a file"), status + " " + err);
    }
}

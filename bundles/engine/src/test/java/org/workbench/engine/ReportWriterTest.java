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
}

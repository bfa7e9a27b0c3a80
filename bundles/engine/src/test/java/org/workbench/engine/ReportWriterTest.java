package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.output.ReportWriter;

/**
 * The report command's checks in the engine. The report itself is rendered by the web bundle's
 * templates inside the runtime (runtime WorkbenchRuntimeIT and the web tests look at it).
 */
class ReportWriterTest {
    @TempDir
    Path results;

    @Test
    void aCorruptResultIsNamed() throws Exception {
        Path corrupt = Files.createDirectories(results.resolve("a").resolve("20260101-000000-000-0001"));
        Files.writeString(corrupt.resolve("result.json"), "{\"name\": tru");
        Path fine = Files.createDirectories(results.resolve("b").resolve("20260101-000000-000-0001"));
        Files.writeString(fine.resolve("result.json"), "{\"name\": \"b\"}");
        ReportWriter writer = new ReportWriter();
        try {
            writer.write(results, results);
        } catch (java.io.IOException outsideOsgi) {
            // the renderer needs the runtime; the check of the result files has run
        }
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

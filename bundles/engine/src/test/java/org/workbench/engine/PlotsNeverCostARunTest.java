package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.run.ActiveRuns;
import org.workbench.engine.cli.CommandContext;
import org.workbench.engine.cli.Commands;
import org.workbench.engine.cli.Versions;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.Plan;
import org.workbench.engine.output.PlotRenderer;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.Runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A plot never costs a finished run: points a logarithmic axis cannot show are left out with the
 * same note in a task's plot and in the descriptor's, and a plot that cannot be drawn is recorded
 * while the run succeeds with its results.
 */
class PlotsNeverCostARunTest {
    private static final String NOTE = "1 point at x = 0 left out: the x axis is logarithmic";

    @TempDir
    Path folder;

    private Plan plan(String extra) throws Exception {
        return plan("{\"use\":\"sum\"}", extra);
    }

    private Plan plan(String task, String extra) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"exp\",\"seed\":5,"
                + "\"task\":" + task + ",\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\","
                + "\"with\":{\"values\":[1,2,3]}}}" + extra + "}");
        return new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file, List.of()));
    }

    private JsonObject run(Plan plan, PlotRenderer renderer) throws Exception {
        Path result = new Runner(renderer, ProgressFactory.SILENT, Clock.systemUTC(), 1, new FakeProviders())
                .run(plan, folder.resolve("results"), Map.of("java", "test"));
        return JsonParser.parseString(Files.readString(result)).getAsJsonObject();
    }

    @Test
    void aTaskPlotWithZeroOnALogAxisIsDrawnWithoutThePointAndANote() throws Exception {
        JsonObject doc = run(plan("{\"use\":\"sum\",\"with\":{\"logPlot\":true}}", ""), new XChartRenderer());
        assertEquals("ok", doc.get("status").getAsString());
        assertEquals(6.0, doc.getAsJsonObject("results").get("sum").getAsDouble());
        JsonObject note = doc.getAsJsonArray("plotNotes").get(0).getAsJsonObject();
        assertEquals("log-values", note.get("plot").getAsString());
        assertEquals("sum", note.get("series").getAsString());
        assertEquals(NOTE, note.get("note").getAsString());
        assertFalse(doc.has("plotFailures"));
        assertTrue(doc.getAsJsonArray("artifacts").toString().contains("log-values.png"));
        List<String> keys = List.copyOf(doc.keySet());
        assertEquals(List.of("artifacts", "plots", "plotNotes", "provenance"), keys.subList(keys.size() - 4, keys.size()));
    }

    @Test
    void aDescriptorPlotWithTheSameDataGivesTheSameNote() throws Exception {
        List<String> xLabels = new java.util.concurrent.CopyOnWriteArrayList<>();
        XChartRenderer xchart = new XChartRenderer();
        PlotRenderer seen = (plot, into) -> {
            xLabels.add(plot.xLabel());
            return xchart.render(plot, into);
        };
        JsonObject doc = run(plan(",\"sweep\":{\"task.factor\":[0,1,2]},\"plots\":[{\"name\":\"sum-vs-factor\","
                + "\"x\":\"task.factor\",\"y\":[\"sum\"],\"xLabel\":\"factor\",\"labels\":[\"sum\"],\"logX\":true}]"), seen);
        assertEquals("ok", doc.get("status").getAsString());
        JsonObject note = doc.getAsJsonArray("plotNotes").get(0).getAsJsonObject();
        assertEquals("sum-vs-factor", note.get("plot").getAsString());
        assertEquals("sum", note.get("series").getAsString());
        assertEquals(NOTE, note.get("note").getAsString());
        assertTrue(doc.getAsJsonArray("artifacts").toString().contains("sum-vs-factor.svg"));
        assertEquals(List.of("factor (log scale; 0 left out)"), xLabels, "the axis title carries the note");
    }

    @Test
    void aRendererThatThrowsCostsThePlotNotTheRun() throws Exception {
        PlotRenderer broken = (plot, into) -> {
            Files.writeString(into.resolve(plot.name() + ".png"), "half");
            throw new IllegalArgumentException("Series data cannot be drawn for 'x'!!!");
        };
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream before = System.err;
        JsonObject doc;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            doc = run(plan("{\"use\":\"sum\",\"with\":{\"plot\":true}}", ""), broken);
        } finally {
            System.setErr(before);
        }
        assertEquals("plot 'values' (series 'x') was not drawn: IllegalArgumentException: Series data cannot be drawn"
                + " for 'x'; the run's results are kept", console.toString(StandardCharsets.UTF_8).strip());
        assertEquals("ok", doc.get("status").getAsString());
        assertEquals(6.0, doc.getAsJsonObject("results").get("sum").getAsDouble());
        JsonArray failures = doc.getAsJsonArray("plotFailures");
        JsonObject failure = failures.get(0).getAsJsonObject();
        assertEquals("values", failure.get("plot").getAsString());
        assertEquals("x", failure.get("series").getAsString());
        assertEquals("IllegalArgumentException: Series data cannot be drawn for 'x'", failure.get("reason").getAsString());
        assertFalse(doc.getAsJsonArray("artifacts").toString().contains("values.png"));
        try (var files = Files.walk(folder.resolve("results"))) {
            assertTrue(files.noneMatch(p -> p.endsWith("values.png")), "the half-written file is gone");
        }
    }

    @Test
    void theCommandLineExitsZeroAndSaysWhichPlotFailed() throws Exception {
        Path file = TestFiles.descriptor(folder, "c.json", "{\"format\":1,\"name\":\"exp\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\",\"with\":{\"plot\":true}},\"components\":{\"data\":{\"use\":\"values\","
                + "\"version\":\"[1,1.1)\",\"with\":{\"values\":[1,2,3]}}}}");
        PlotRenderer broken = (plot, into) -> {
            throw new IllegalStateException("no fonts");
        };
        Commands commands = new Commands(new CommandContext(new FakeProviders(), broken, Map.of("java", "test"),
                new Versions("1", "1", "felix"), false, List::of, new ActiveRuns(),
                org.workbench.engine.catalog.BundleJars.NONE, System.out, System.err), (p, r, e, o, er) -> 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream console = System.err;
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = commands.execute(new String[] {"run", file.toString(), "--out", folder.resolve("cli").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(console);
        }
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("plot 'values' was not drawn: IllegalStateException: no fonts"),
                err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonObject doc = JsonParser.parseString(Files.readString(Path.of(lines[lines.length - 1]))).getAsJsonObject();
        assertEquals("values", doc.getAsJsonArray("plotFailures").get(0).getAsJsonObject().get("plot").getAsString());
    }
}

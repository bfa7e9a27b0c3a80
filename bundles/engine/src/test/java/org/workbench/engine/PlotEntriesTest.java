package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.Runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code result.json}'s {@code plots} names every plot drawn by the title drawn on it and lists its
 * files, so that a reader captions a PNG by its title (not its file name) and pairs it with the chart
 * of the same title: a task's plot, a sweep point's (titled with the point's values, its files under
 * {@code points/N/}) and the descriptor's.
 */
class PlotEntriesTest {
    @TempDir
    Path folder;

    private JsonObject run(String extra) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"exp\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\",\"with\":{\"plot\":true}},\"components\":{\"data\":{\"use\":\"values\","
                + "\"version\":\"[1,1.1)\",\"with\":{\"values\":[1,2,3]}}}" + extra + "}");
        Path result = new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), 1, new FakeProviders())
                .run(new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file, List.of())),
                        folder.resolve("results"), Map.of("java", "test"));
        return JsonParser.parseString(Files.readString(result)).getAsJsonObject();
    }

    @Test
    void aTaskPlotIsRecordedWithTheTitleDrawnOnIt() throws Exception {
        JsonObject doc = run("");
        JsonArray plots = doc.getAsJsonArray("plots");
        assertEquals(1, plots.size(), plots.toString());
        JsonObject values = plots.get(0).getAsJsonObject();
        assertEquals("values", values.get("name").getAsString());
        assertEquals("The sum", values.get("title").getAsString());
        assertEquals("[\"values.png\",\"values.svg\"]", values.get("files").toString());
        assertFalse(values.has("point"), "a run without a sweep has no points");
        List<String> keys = List.copyOf(doc.keySet());
        assertEquals(keys.indexOf("artifacts") + 1, keys.indexOf("plots"), "plots follow the artifacts");
    }

    @Test
    void aSweepRecordsEachPointsPlotUnderItsPointThenTheDescriptorsPlots() throws Exception {
        JsonObject doc = run(",\"sweep\":{\"task.factor\":[1,2]},\"plots\":[{\"name\":\"sum-vs-factor\","
                + "\"title\":\"The sum against the factor\",\"x\":\"task.factor\",\"y\":[\"sum\"]}]");
        JsonArray plots = doc.getAsJsonArray("plots");
        assertEquals(3, plots.size(), plots.toString());
        for (int i = 0; i < 2; i++) {
            JsonObject p = plots.get(i).getAsJsonObject();
            assertEquals(i, p.get("point").getAsInt());
            assertEquals("The sum — task.factor = " + (i + 1), p.get("title").getAsString());
            assertEquals("[\"points/" + i + "/values.png\",\"points/" + i + "/values.svg\"]", p.get("files").toString());
        }
        JsonObject sweep = plots.get(2).getAsJsonObject();
        assertEquals("The sum against the factor", sweep.get("title").getAsString());
        assertEquals("[\"sum-vs-factor.png\",\"sum-vs-factor.svg\"]", sweep.get("files").toString());
        assertFalse(sweep.has("point"));
    }
}

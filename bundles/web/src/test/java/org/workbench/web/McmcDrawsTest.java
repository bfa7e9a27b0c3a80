package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

class McmcDrawsTest {

    @Test
    void aSweepPointIsLabelledByItsValues() {
        assertEquals("τ = 0.1", PlotLabels.point(new com.google.gson.JsonObject(), JsonParser.parseString("{\"prior.scale\": 0.1}")));
        assertEquals("n = 100, seed 181",
                PlotLabels.point(new com.google.gson.JsonObject(), JsonParser.parseString("{\"data.n\": 100, \"seed\": 181}")));
        assertEquals("optimizer.learningRate = 0.01",
                PlotLabels.point(new com.google.gson.JsonObject(), JsonParser.parseString("{\"optimizer.with.learningRate\": 0.01}")));
    }

    @Test
    void drawsAreFoundBesideTheResultAndForEachSweepPoint(@TempDir Path run) throws IOException {
        var doc = JsonParser.parseString("""
                { "points": [ { "set": { "prior.scale": 0.1 } }, { "set": { "prior.scale": 0.5 } },
                              { "set": { "prior.scale": 1.0 } } ],
                  "layout": { "charts": [], "tables": [],
                              "draws": [ { "file": "draws.json", "coordinate": "w", "statistics": [] } ] } }""").getAsJsonObject();
        RunRecord sweep = new RunRecord("p2-5", "20260101-000000-000", run, doc, List.of(), true, "");
        assertNull(McmcDraws.href(sweep), "no draws kept: no MCMC page");
        for (int i : new int[] { 0, 2 }) {
            Files.writeString(Files.createDirectories(run.resolve("points/" + i)).resolve("draws.json"), "{}");
        }
        List<McmcDraws.Set> sets = McmcDraws.of(sweep);
        assertEquals(List.of("τ = 0.1", "τ = 1"), sets.stream().map(McmcDraws.Set::label).toList());
        assertEquals(List.of("points.0.results", "points.2.results"), sets.stream().map(McmcDraws.Set::results).toList());
        assertEquals("/mcmc/p2-5/20260101-000000-000?point=2", sets.get(1).href(sweep.id()));
        assertEquals("/mcmc/p2-5/20260101-000000-000", McmcDraws.href(sweep));

        Files.writeString(run.resolve("draws.json"), "{}");
        assertEquals(new McmcDraws.Set(-1, run.resolve("draws.json"), "results", ""), McmcDraws.of(sweep).get(0));

        doc.remove("layout");
        assertEquals(List.of(), McmcDraws.of(sweep), "a run whose task declares no kept draws has no MCMC page");
    }
}

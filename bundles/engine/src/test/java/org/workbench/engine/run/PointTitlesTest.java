package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.Plot;
import org.workbench.engine.descriptor.SweepPlotSpec;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

class PointTitlesTest {
    @Test
    void aSweepPointsPlotTitleCarriesItsValuesAsTheAxisNamesThem() {
        List<SweepPlotSpec> plots = List.of(new SweepPlotSpec("mse", "Test MSE", "prior.with.scale", List.of("study.testMse"),
                true, false, null, "prior scale τ", "MSE", List.of()));
        Map<String, JsonElement> set = new LinkedHashMap<>();
        set.put("prior.with.scale", new JsonPrimitive(0.1));
        set.put("seed", new JsonPrimitive(181));
        assertEquals("τ = 0.1, seed 181", PointTitles.label(plots, set));
        assertEquals("", PointTitles.label(plots, Map.of()));
    }

    @Test
    void aComponentSweepPointIsNamedByItsProvider() {
        Map<String, JsonElement> set = Map.of("prior", JsonParser.parseString("{\"use\":\"laplace\",\"with\":{\"scale\":0.5}}"));
        assertEquals("prior laplace (scale = 0.5)", PointTitles.label(List.of(), set));
    }

    @Test
    void theRetitledPlotKeepsItsAxesSeriesAndErrorBars() {
        Plot plot = Plot.builder("loss").title("Training loss").xLabel("epoch").yLabel("loss").logY(true)
                .line("train", new double[] {1, 2}, new double[] {0.5, 0.25}).errors("train", new double[] {0.1, 0.1}).build();
        Plot titled = PointTitles.titled(plot, "seed 181");
        assertEquals("Training loss — seed 181", titled.title());
        assertEquals("loss", titled.name());
        assertEquals("epoch", titled.xLabel());
        assertEquals("loss", titled.yLabel());
        assertEquals(true, titled.logY());
        assertArrayEquals(new double[] {0.25 * 2, 0.25}, titled.series().get(0).y());
        assertArrayEquals(new double[] {0.1, 0.1}, titled.errors("train").orElseThrow());
    }
}

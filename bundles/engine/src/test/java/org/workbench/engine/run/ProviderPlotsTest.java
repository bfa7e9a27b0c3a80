package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.Plot;
import org.workbench.engine.descriptor.SweepPlotSpec;
import org.workbench.engine.output.JsonTrees;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** Plots of a sweep over providers: a categorical x axis named by provider, or one series per provider. */
class ProviderPlotsTest {
    private static List<PointOutcome> outcomes() {
        List<PointOutcome> out = new ArrayList<>();
        String[] priors = {"gaussian", "laplace"};
        int index = 0;
        for (String prior : priors) {
            for (int n : new int[] {1, 10}) {
                Map<String, JsonElement> set = new LinkedHashMap<>();
                set.put("prior.use", new JsonPrimitive(prior));
                set.put("data.n", new JsonPrimitive(n));
                JsonObject results = JsonParser.parseString("{\"map\":" + (prior.length() * 10 + n) + "}").getAsJsonObject();
                out.add(new PointOutcome(new PlanPoint(index++, set, 1, null, Map.of()), JsonTrees.tree(results),
                        List.of(), Map.of(), List.of(), 0, List.of(), List.of()));
            }
        }
        return out;
    }

    private static SweepPlotSpec spec(String x) {
        return new SweepPlotSpec("p", "t", x, List.of("map"), false, false, "$.plots[0]", null, null, List.of());
    }

    @Test
    void aProviderKeyAsXIsACategoricalAxisNamedByProvider() {
        Plot plot = SweepPlots.build(List.of(spec("prior.use")), outcomes()).get(0);
        assertEquals("prior: 1 gaussian, 2 laplace", plot.xLabel());
        assertEquals(1, plot.series().size(), "one series per y key, as for a numeric x");
        assertArrayEquals(new double[] {1, 1, 2, 2}, allX(plot));
    }

    @Test
    void anotherKeyAsXGetsOneSeriesPerProvider() {
        Plot plot = SweepPlots.build(List.of(spec("data.n")), outcomes()).get(0);
        assertEquals(List.of("MAP, prior gaussian", "MAP, prior laplace"), plot.series().stream().map(Plot.Series::name).toList());
        assertArrayEquals(new double[] {81, 90}, plot.series().get(0).y());
        assertArrayEquals(new double[] {71, 80}, plot.series().get(1).y());
    }

    @Test
    void wholeComponentValuesAreNamedByProviderAndParameters() {
        JsonObject laplace = JsonParser.parseString("{\"use\":\"laplace\",\"with\":{\"scale\":0.5}}").getAsJsonObject();
        assertEquals("laplace (scale = 0.5)", ProviderLabels.of(laplace));
        assertEquals("prior version", ProviderLabels.role("prior.version"));
        assertEquals("prior", ProviderLabels.role("prior"));
    }

    private static double[] allX(Plot plot) {
        return plot.series().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).toArray();
    }
}

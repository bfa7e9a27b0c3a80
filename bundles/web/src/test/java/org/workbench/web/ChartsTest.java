package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A finished run's training curves mark the hot swaps its provenance records. */
class ChartsTest {
    private static JsonObject run(String swaps) {
        return JsonParser.parseString("{\"provenance\":{\"swaps\":" + swaps + "}}").getAsJsonObject();
    }

    @Test
    void aSwapAtAnEpochIsMarkedBetweenThatEpochAndTheOneBefore() {
        JsonObject doc = run("[{\"role\":\"optimizer\",\"fromVersion\":\"1.0.0\",\"toVersion\":\"1.1.0\","
                + "\"at\":\"epoch 13\"},{\"role\":\"loss\",\"at\":\"epoch 2\"}]");
        assertEquals(List.of(12.5, 1.5), Charts.swapEpochs(doc));
    }

    @Test
    void swapsAtOtherSafePointsOrWithoutOneMarkNothing() {
        assertEquals(List.of(), Charts.swapEpochs(run("[{\"at\":\"tau 0.5\"},{\"role\":\"optimizer\"}]")));
        assertEquals(List.of(), Charts.swapEpochs(JsonParser.parseString("{}").getAsJsonObject()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLogAxisLeavesOutTheZeroPointWithTheNoteThePngCarries() {
        JsonObject doc = JsonParser.parseString("{\"points\":["
                + "{\"set\":{\"data.n\":0},\"results\":{\"predictive\":{\"variance\":5.0}}},"
                + "{\"set\":{\"data.n\":1},\"results\":{\"predictive\":{\"variance\":1.8}}},"
                + "{\"set\":{\"data.n\":10},\"results\":{\"predictive\":{\"variance\":1.1}}}],"
                + "\"provenance\":{\"effectiveDescriptor\":{\"plots\":[{\"name\":\"variance-vs-n\",\"x\":\"data.n\","
                + "\"y\":[\"predictive.variance\"],\"logX\":true}]}}}").getAsJsonObject();
        var chart = Charts.of(doc).get(0);
        assertEquals(List.of(1.0, 10.0), chart.get("x"));
        var series = (List<java.util.Map<String, Object>>) chart.get("series");
        assertEquals(List.of(1.8, 1.1), series.get(0).get("y"));
        assertEquals("1 point at x = 0 left out: the x axis is logarithmic", chart.get("note"));
        assertEquals("n (log scale; 0 left out)", chart.get("xLabel"));
        assertEquals("predictive variance Var(x | D)", series.get(0).get("label"));
    }
}

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
}

package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class MissingPointsTest {
    @Test
    void aPartialSweepListsEachMissingPointWithItsValuesAndReason() {
        JsonObject doc = JsonParser.parseString("{\"status\":\"partial\",\"missing\":["
                + "{\"point\":3,\"set\":{\"data.n\":100,\"prior.variance\":0.5},\"reason\":\"member left 5 times\"},"
                + "{\"point\":7,\"set\":{\"data.n\":1000,\"prior.variance\":2},\"reason\":\"the run timed out after 1 s\"}]}")
                .getAsJsonObject();
        List<Map<String, Object>> missing = RunsPage.missing(doc);
        assertEquals(2, missing.size());
        assertEquals(Map.of("point", "3", "set", "data.n=100 prior.variance=0.5", "reason", "member left 5 times"),
                missing.get(0));
        assertEquals("data.n=1000 prior.variance=2", missing.get(1).get("set"));
        assertEquals("the run timed out after 1 s", missing.get(1).get("reason"));
    }

    @Test
    void aWholeRunHasNoMissingPoints() {
        assertTrue(RunsPage.missing(JsonParser.parseString("{\"status\":\"ok\",\"results\":{}}").getAsJsonObject())
                .isEmpty());
    }
}

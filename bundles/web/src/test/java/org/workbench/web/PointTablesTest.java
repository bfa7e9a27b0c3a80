package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class PointTablesTest {
    /** Three points of a sweep over data.n, as 1.2e writes them (fewer keys). */
    private static final JsonObject SWEEP = JsonParser.parseString("""
            {"points": [
              {"set": {"data.n": 0}, "seed": 11, "results": {"method": "conjugate", "n": 0, "posterior": {"variance": 4.0},
                "predictiveVarianceMinusPluginVariance": 4.0, "mle": null, "mleReason": "no data (n = 0)"}, "artifacts": [], "durationMs": 3},
              {"set": {"data.n": 10}, "seed": 12, "results": {"method": "conjugate", "n": 10, "posterior": {"variance": 0.0975609756},
                "predictiveVarianceMinusPluginVariance": 0.0975609756, "mle": 1.5, "formula": "c = n tau^2 / (n tau^2 + sigma^2)"}, "artifacts": [], "durationMs": 4},
              {"set": {"data.n": 100}, "seed": 13, "results": {"method": "conjugate", "n": 100, "posterior": {"variance": 0.00997506},
                "predictiveVarianceMinusPluginVariance": 0.0099750, "mle": 1.49, "formula": "c = n tau^2 / (n tau^2 + sigma^2)"}, "artifacts": [], "durationMs": 2}]}
            """).getAsJsonObject();

    @SuppressWarnings("unchecked")
    private static <T> T get(Map<String, Object> m, String key) {
        return (T) m.get(key);
    }

    @Test
    void aRowPerPointAColumnPerKeyThatDiffersAndTheRestOnce() {
        Map<String, Object> t = PointTables.of(SWEEP);
        List<Map<String, Object>> columns = get(t, "columns");
        assertEquals(List.of("data.n = n", "posterior.variance", "predictiveVarianceMinusPluginVariance", "mle", "seed"),
                columns.stream().map(c -> c.get("key")).toList(), "keys equal at every point share a column; a reason is a note");
        assertEquals(List.of("predictive", "Variance", "Minus", "Plugin", "Variance"), columns.get(2).get("parts"),
                "a long key may break before its inner capitals");
        assertEquals(List.of("data.", "n", " = ", "n"), columns.get(0).get("parts"));
        List<Map<String, Object>> rows = get(t, "rows");
        assertEquals(3, rows.size());
        assertEquals(List.of("10", "0.09756", "0.09756", "1.5", "12"), rows.get(1).get("cells"));
        assertEquals(List.of("0", "4", "4", "undefined¹", "11"), rows.get(0).get("cells"));
        assertEquals(List.of("¹ no data (n = 0)"), t.get("notes"));
        assertEquals(List.of(Map.of("key", "method", "value", "conjugate"), Map.of("key", "formula",
                "value", "c = n tau^2 / (n tau^2 + sigma^2) (at 2 of 3 points; the others lack it)")), t.get("same"),
                "a key the same wherever a point has it is listed once");
        assertEquals(false, t.get("more"));
    }

    @Test
    void keysThatAgreeByChanceKeepTheirColumns() {
        JsonObject two = JsonParser.parseString("""
                {"points": [{"set": {"data.n": 1}, "seed": 1, "results": {"n": 1, "signOfSum": 1, "positive": 1}},
                  {"set": {"data.n": 2}, "seed": 2, "results": {"n": 2, "signOfSum": 1, "positive": 1}},
                  {"set": {"data.n": 0}, "seed": 3, "results": {"n": 0, "signOfSum": 0, "positive": 0}},
                  {"set": {"data.n": 4}, "seed": 4, "results": {"n": 4, "signOfSum": 1, "positive": 1}}]}
                """).getAsJsonObject();
        List<Map<String, Object>> columns = get(PointTables.of(two), "columns");
        assertEquals(List.of("data.n = n", "signOfSum", "positive", "seed"), columns.stream().map(c -> c.get("key")).toList(),
                "two flags that agree at every point are not one key");
    }

    @Test
    void listsOfRecordsInThePointsAreOneTableNamingThePoint() {
        JsonObject seeds = JsonParser.parseString("""
                {"points": [
                  {"set": {"seed": 181}, "seed": 181, "results": {"testAccuracy": 0.84,
                    "epochs": [{"epoch": 1, "trainLoss": 1.04}, {"epoch": 2, "trainLoss": 0.60}]}},
                  {"set": {"seed": 182}, "seed": 182, "results": {"testAccuracy": 0.83,
                    "epochs": [{"epoch": 1, "trainLoss": 1.10}, {"epoch": 2, "trainLoss": 0.62}]}}]}
                """).getAsJsonObject();
        Map<String, Object> t = PointTables.of(seeds);
        List<Map<String, Object>> records = get(t, "records");
        assertEquals(1, records.size());
        assertEquals("epochs", records.get(0).get("name"));
        assertEquals(List.of("point", "epoch", "trainLoss"), records.get(0).get("columns"));
        List<Map<String, Object>> rows = get(records.get(0), "rows");
        assertEquals(List.of("seed 182", "2", "0.62"), rows.get(3).get("cells"));
        assertEquals(4, records.get(0).get("count"));
        List<Map<String, Object>> columns = get(t, "columns");
        assertEquals(List.of("seed", "testAccuracy"), columns.stream().map(c -> c.get("key")).toList(),
                "the sweep's seed (once), then the results; the epochs are not columns");
    }

    @Test
    void aLargeSweepShowsItsFirstPointsAndARunWithoutASweepNone() {
        StringBuilder json = new StringBuilder("{\"points\":[");
        for (int i = 0; i < PointTables.MAX_ROWS + 20; i++) {
            json.append(i == 0 ? "" : ",").append("{\"set\":{\"data.n\":").append(i).append("},\"seed\":").append(i)
                    .append(",\"results\":{\"sum\":").append(i * 2).append("}}");
        }
        Map<String, Object> t = PointTables.of(JsonParser.parseString(json + "]}").getAsJsonObject());
        assertEquals(PointTables.MAX_ROWS, ((List<?>) t.get("rows")).size());
        assertEquals(PointTables.MAX_ROWS + 20, t.get("count"));
        assertEquals(true, t.get("more"));
        assertNull(PointTables.of(JsonParser.parseString("{\"results\":{\"n\":1}}").getAsJsonObject()));
    }

    @Test
    void aListOfRecordsKeepsAColumnThatOnlyALaterPointHas() {
        JsonObject two = JsonParser.parseString("""
                {"points": [{"set": {"seed": 1}, "seed": 1, "results": {"epochs": [{"epoch": 1, "note": null}, {"epoch": 2, "note": null}]}},
                  {"set": {"seed": 2}, "seed": 2, "results": {"epochs": [{"epoch": 1, "note": "slow"}, {"epoch": 2, "note": null}]}}]}
                """).getAsJsonObject();
        List<Map<String, Object>> records = get(PointTables.of(two), "records");
        assertEquals(List.of("point", "epoch", "note"), records.get(0).get("columns"),
                "the first point's table has no note column (empty in every record there); the second's has");
        List<Map<String, Object>> rows = get(records.get(0), "rows");
        assertEquals(4, rows.size());
        assertEquals("slow", ((List<?>) rows.get(2).get("cells")).get(2));
        assertEquals(Placeholders.DASH, ((List<?>) rows.get(0).get("cells")).get(2));
    }
}

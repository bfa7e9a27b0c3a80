package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

class RecordTablesTest {
    @Test
    void perEpochRecordsAreOneTableAndLeaveTheOtherKeys() {
        var results = JsonParser.parseString("{\"epochs\":[{\"epoch\":1,\"trainLoss\":0.912345},{\"epoch\":2,\"trainLoss\":0.5}],"
                + "\"testAccuracy\":0.86,\"shapes\":[{\"W1\":[1,2]},{\"b1\":[3]}]}");
        List<Map<String, Object>> tables = RecordTables.of(results);
        assertEquals(1, tables.size());
        assertEquals("epochs", tables.get(0).get("name"));
        assertEquals(List.of("epoch", "trainLoss"), tables.get(0).get("columns"));
        assertEquals(List.of(Map.of("cells", List.of("1", "0.9123")), Map.of("cells", List.of("2", "0.5"))), tables.get(0).get("rows"));
        assertEquals(List.of("testAccuracy", "shapes.0.W1", "shapes.1.b1"), List.copyOf(Json.flatten(RecordTables.rest(results)).keySet()));
    }

    @Test
    void nestedListsOfRecordsAreTablesNamedByTheirDottedKey() {
        var results = JsonParser.parseString("{\"backend\":\"vector\",\"backendDetails\":{\"threads\":2,\"kernels\":["
                + "{\"shapeClass\":\"ab 128x256x16\",\"plan\":\"512b-12x2-t1\",\"candidates\":[]},"
                + "{\"shapeClass\":\"ab 256x256x16\",\"plan\":\"256b-6x2-t2\",\"candidates\":[{\"plan\":\"a\",\"ms\":1.5}]}]}}");
        List<Map<String, Object>> tables = RecordTables.of(results);
        assertEquals(1, tables.size());
        assertEquals("backendDetails.kernels", tables.get(0).get("name"));
        assertEquals(List.of("shapeClass", "plan", "candidates"), tables.get(0).get("columns"));
        assertEquals(2, tables.get(0).get("count"));
        assertEquals(List.of("ab 256x256x16", "256b-6x2-t2", "[{\"plan\":\"a\",\"ms\":1.5}]"),
                ((Map<?, ?>) ((List<?>) tables.get(0).get("rows")).get(1)).get("cells"));
        assertEquals(List.of("backend", "backendDetails.threads"), List.copyOf(Json.flatten(RecordTables.rest(results)).keySet()));
    }

    @Test
    void aColumnEmptyInEveryRecordIsLeftOut() {
        var results = JsonParser.parseString("{\"backendDetails\":{\"kernels\":["
                + "{\"shapeClass\":\"ab 128x256x16\",\"plan\":\"512b-12x2-t1\",\"candidates\":[],\"note\":null},"
                + "{\"shapeClass\":\"ab 256x256x16\",\"plan\":\"512b-12x2-t2\",\"candidates\":[],\"note\":null}]}}");
        Map<String, Object> table = RecordTables.of(results).get(0);
        assertEquals(List.of("shapeClass", "plan"), table.get("columns"));
        assertEquals(List.of("ab 256x256x16", "512b-12x2-t2"), ((Map<?, ?>) ((List<?>) table.get("rows")).get(1)).get("cells"));
    }
}

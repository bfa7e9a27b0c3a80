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
}

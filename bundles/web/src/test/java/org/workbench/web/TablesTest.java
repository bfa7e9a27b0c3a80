package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A run's declared tables, from a list of objects or from result keys, with headers that carry the unit. */
class TablesTest {
    @Test
    void declaredTablesBecomeRowsOfFormattedCells() {
        JsonObject doc = JsonParser.parseString("{\"results\":{\"estimate\":3.14159265,\"samples\":123456,"
                + "\"trace\":[{\"samples\":10,\"estimate\":3.2},{\"samples\":20,\"estimate\":null}]},"
                + "\"layout\":{\"charts\":[],\"tables\":["
                + "{\"id\":\"summary\",\"title\":\"Result\",\"list\":\"\",\"columns\":[{\"key\":\"estimate\",\"label\":\"estimate\","
                + "\"unit\":\"\",\"digits\":4},{\"key\":\"samples\",\"label\":\"darts\",\"unit\":\"darts\",\"digits\":0}]},"
                + "{\"id\":\"trace\",\"title\":\"\",\"list\":\"trace\",\"columns\":[{\"key\":\"samples\",\"label\":\"darts\","
                + "\"unit\":\"\",\"digits\":0},{\"key\":\"estimate\",\"label\":\"estimate\",\"unit\":\"\",\"digits\":3}]},"
                + "{\"id\":\"absent\",\"title\":\"\",\"list\":\"epochs\",\"columns\":[{\"key\":\"x\",\"label\":\"x\","
                + "\"unit\":\"\",\"digits\":3}]}],\"draws\":[]}}").getAsJsonObject();
        List<Map<String, Object>> tables = Tables.of(doc);
        assertEquals(2, tables.size(), "a table whose list the run lacks is left out");
        assertEquals(List.of("estimate", "darts (darts)"), tables.get(0).get("headers"));
        assertEquals(List.of(Map.of("cells", List.of("3.142", "123,456"))), tables.get(0).get("rows"));
        assertEquals("trace", tables.get(1).get("title"));
        assertEquals(List.of(Map.of("cells", List.of("10", "3.2")), Map.of("cells", List.of("20", "undefined"))),
                tables.get(1).get("rows"));
        doc.remove("layout");
        assertEquals(List.of(), Tables.of(doc));
    }
}

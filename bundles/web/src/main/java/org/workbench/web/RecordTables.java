package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A run's lists of flat records ({@code epochs[]} of {@code {epoch, trainLoss, testAccuracy, ...}})
 * as one small table each, a row per record and a column per field, instead of a result key per
 * field and record (about 210 rows for Problem 4).
 */
final class RecordTables {
    private RecordTables() {
    }

    /** The top-level entries of {@code results} that are lists of flat records, as tables, in document order. */
    static List<Map<String, Object>> of(JsonElement results) {
        List<Map<String, Object>> tables = new ArrayList<>();
        if (results == null || !results.isJsonObject()) {
            return tables;
        }
        for (Map.Entry<String, JsonElement> e : results.getAsJsonObject().entrySet()) {
            if (isRecords(e.getValue())) {
                tables.add(table(e.getKey(), e.getValue().getAsJsonArray()));
            }
        }
        return tables;
    }

    /** {@code results} without the entries {@link #of} shows as tables. */
    static JsonElement rest(JsonElement results) {
        if (results == null || !results.isJsonObject()) {
            return results;
        }
        JsonObject rest = new JsonObject();
        results.getAsJsonObject().entrySet().stream().filter(e -> !isRecords(e.getValue()))
                .forEach(e -> rest.add(e.getKey(), e.getValue()));
        return rest;
    }

    /** An array of two or more objects whose values are all numbers, strings, booleans or null. */
    static boolean isRecords(JsonElement e) {
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() < 2) {
            return false;
        }
        for (JsonElement r : e.getAsJsonArray()) {
            if (!r.isJsonObject() || r.getAsJsonObject().entrySet().stream().anyMatch(f -> !(f.getValue().isJsonPrimitive()
                    || f.getValue().isJsonNull()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> table(String name, JsonArray records) {
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(r -> columns.addAll(r.getAsJsonObject().keySet()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonElement r : records) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                JsonElement v = r.getAsJsonObject().get(c);
                cells.add(v == null ? "—" : Json.text(v, 4));
            }
            rows.add(Map.of("cells", cells));
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("columns", List.copyOf(columns));
        t.put("rows", rows);
        t.put("count", records.size());
        return t;
    }
}

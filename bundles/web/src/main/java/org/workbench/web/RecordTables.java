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
 * A run's lists of records ({@code epochs[]} of {@code {epoch, trainLoss, testAccuracy, ...}}, the
 * backend's {@code backendDetails.kernels[]}) as one small table each, a row per record and a column
 * per field, instead of a result key per field and record (about 210 rows for Problem 4's epochs and
 * 60 for its kernels).
 */
final class RecordTables {
    private RecordTables() {
    }

    /**
     * The lists of records in {@code results}, at any depth ({@code epochs}, {@code backendDetails.kernels}),
     * as tables named by their dotted key, in document order.
     */
    static List<Map<String, Object>> of(JsonElement results) {
        List<Map<String, Object>> tables = new ArrayList<>();
        if (results != null && results.isJsonObject()) {
            collect("", results.getAsJsonObject(), tables);
        }
        return tables;
    }

    private static void collect(String prefix, JsonObject o, List<Map<String, Object>> tables) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (isTable(e.getValue())) {
                tables.add(table(prefix + e.getKey(), e.getValue().getAsJsonArray()));
            } else if (e.getValue().isJsonObject()) {
                collect(prefix + e.getKey() + ".", e.getValue().getAsJsonObject(), tables);
            }
        }
    }

    /** {@code results} without the lists {@link #of} shows as tables (at any depth). */
    static JsonElement rest(JsonElement results) {
        if (results == null || !results.isJsonObject()) {
            return results;
        }
        JsonObject rest = new JsonObject();
        for (Map.Entry<String, JsonElement> e : results.getAsJsonObject().entrySet()) {
            if (!isTable(e.getValue())) {
                rest.add(e.getKey(), e.getValue().isJsonObject() ? rest(e.getValue()) : e.getValue());
            }
        }
        return rest;
    }

    /**
     * An array of two or more objects with the same fields, none of them an object: shown as a table
     * whose cells are the fields' values (a field that is a list shows as its text, e.g. a kernel's
     * candidates and their times). Objects with different fields (a list of shapes by name) are not rows.
     */
    static boolean isTable(JsonElement e) {
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() < 2) {
            return false;
        }
        java.util.Set<String> fields = null;
        for (JsonElement r : e.getAsJsonArray()) {
            if (!r.isJsonObject() || r.getAsJsonObject().entrySet().stream().anyMatch(f -> f.getValue().isJsonObject())) {
                return false;
            }
            if (fields == null) {
                fields = r.getAsJsonObject().keySet();
            } else if (!fields.equals(r.getAsJsonObject().keySet())) {
                return isRecords(e);
            }
        }
        return true;
    }

    /** An array of two or more objects whose values are all numbers, strings, booleans or null (records a chart can draw). */
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

    /**
     * Whether field {@code c} is missing, null or an empty list in every record: such a column says nothing
     * (the kernels of a machine not measured yet have no candidates) and is left out.
     */
    private static boolean emptyInEveryRecord(JsonArray records, String c) {
        for (JsonElement r : records) {
            JsonElement v = r.getAsJsonObject().get(c);
            if (v != null && !v.isJsonNull() && !(v.isJsonArray() && v.getAsJsonArray().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> table(String name, JsonArray records) {
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(r -> columns.addAll(r.getAsJsonObject().keySet()));
        columns.removeIf(c -> emptyInEveryRecord(records, c));
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

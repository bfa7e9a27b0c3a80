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
 * A sweep's per-point results on its run page as one table, a row per point and a column per result
 * key whose value differs between points (the sweep's own values first, the point's seed last; keys
 * equal at every point share a column, "map = posterior.mean"; a value's reason, "mleReason", is a
 * numbered note under the table), with the keys that are the same at every point listed once beside
 * it, and each list of records in the
 * points' results ({@code epochs}) as one table with a column naming the point. 1.2e's eleven points
 * of about forty keys were 550 rows of key and value, several screens long.
 */
final class PointTables {
    /** The most points shown as rows; the rest are in {@code result.json}. */
    static final int MAX_ROWS = 500;
    private static final String REASON = "Reason";
    /** How many distinct values two keys must share, point by point, to share a column. */
    private static final int MIN_DISTINCT = 3;
    /** A point's value for a key it lacks, for comparing columns. */
    private static final JsonElement MISSING = new com.google.gson.JsonPrimitive("\u0000missing");
    /** The longest cell shown whole. */
    private static final int MAX_CELL = 120;

    private PointTables() {
    }

    /** The model of {@code doc}'s points, or {@code null} for a run without a sweep. */
    static Map<String, Object> of(JsonObject doc) {
        JsonElement points = doc.get("points");
        if (points == null || !points.isJsonArray() || points.getAsJsonArray().isEmpty()) {
            return null;
        }
        JsonArray all = points.getAsJsonArray();
        List<JsonObject> shown = new ArrayList<>();
        for (int i = 0; i < all.size() && shown.size() < MAX_ROWS; i++) {
            shown.add(all.get(i).isJsonObject() ? all.get(i).getAsJsonObject() : new JsonObject());
        }
        List<Map<String, JsonElement>> flat = new ArrayList<>();
        Set<String> swept = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (JsonObject p : shown) {
            Map<String, JsonElement> row = new LinkedHashMap<>();
            if (p.get("set") instanceof JsonObject set) {
                set.entrySet().forEach(e -> row.put(e.getKey(), e.getValue()));
                swept.addAll(set.keySet());
            }
            Map<String, JsonElement> results = Json.flatten(RecordTables.rest(p.get("results")));
            results.keySet().removeAll(swept); // a result that only repeats the sweep's key of the same name
            row.putAll(results);
            keys.addAll(results.keySet());
            flat.add(row);
        }
        keys.removeAll(swept);
        List<String> varying = new ArrayList<>(swept);
        List<Map<String, Object>> same = new ArrayList<>();
        for (String k : keys) {
            List<JsonElement> present = flat.stream().map(r -> r.get(k)).filter(java.util.Objects::nonNull).toList();
            if (present.size() > 1 && present.stream().allMatch(present.get(0)::equals)) {
                // the same wherever a point has it (shrinkage.formula, which the point without data lacks)
                same.add(Map.of("key", k, "value", cell(present.get(0)) + (present.size() < flat.size()
                        ? " (at " + present.size() + " of " + flat.size() + " points; the others lack it)" : "")));
            } else {
                varying.add(k);
            }
        }
        // a reason beside an undefined value ("mleReason") is a note on that cell, not a column of its own
        Map<String, String> reasonOf = new LinkedHashMap<>();
        for (String k : varying) {
            String base = k.endsWith(REASON) ? k.substring(0, k.length() - REASON.length()) : "";
            if (!base.isEmpty() && varying.contains(base)) {
                reasonOf.put(base, k);
            }
        }
        varying.removeAll(reasonOf.values());
        // keys equal at every point ("map" and "posterior.mean", "data.n" and "n") share one column, when at
        // least three distinct values say so (two points, or a flag's 0 and 1, agree by chance)
        Map<Object, List<String>> byValues = new LinkedHashMap<>();
        for (String k : varying) {
            List<JsonElement> values = new ArrayList<>();
            flat.forEach(r -> values.add(r.containsKey(k) ? r.get(k) : MISSING));
            Object group = new java.util.HashSet<>(values).size() >= MIN_DISTINCT ? values : k;
            byValues.computeIfAbsent(group, v -> new ArrayList<>()).add(k);
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        byValues.values().forEach(ks -> columns.add(column(ks, ks.stream().anyMatch(swept::contains))));
        boolean seedColumn = !swept.contains("seed"); // a sweep over seeds shows each point's seed first already
        if (seedColumn) {
            columns.add(column(List.of("seed"), false));
        }
        Map<String, Integer> notes = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            List<String> cells = new ArrayList<>();
            for (List<String> ks : byValues.values()) {
                String text = cell(flat.get(i).get(ks.get(0)));
                for (String k : ks) {
                    JsonElement reason = reasonOf.containsKey(k) ? flat.get(i).get(reasonOf.get(k)) : null;
                    if (reason != null && reason.isJsonPrimitive()) {
                        int n = notes.computeIfAbsent(reason.getAsString(), r -> notes.size() + 1);
                        text += superscript(n);
                        break;
                    }
                }
                cells.add(text);
            }
            if (seedColumn) {
                cells.add(cell(shown.get(i).get("seed")));
            }
            rows.add(Map.of("cells", cells));
        }
        List<String> noteLines = new ArrayList<>();
        notes.forEach((text, n) -> noteLines.add(superscript(n) + " " + text));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", all.size());
        m.put("shown", shown.size());
        m.put("more", all.size() > shown.size());
        m.put("columns", columns);
        m.put("rows", rows);
        m.put("notes", noteLines);
        m.put("hasNotes", !noteLines.isEmpty());
        m.put("same", same);
        m.put("hasSame", !same.isEmpty());
        m.put("records", records(doc, shown));
        return m;
    }

    /**
     * Each list of records in the points' results ({@code epochs}, {@code backendDetails.kernels}) as one
     * table over every point shown, its first column the point's values as its plots name them.
     */
    private static List<Map<String, Object>> records(JsonObject doc, List<JsonObject> shown) {
        Map<String, List<PointTable>> byName = new LinkedHashMap<>();
        for (JsonObject p : shown) {
            String label = PlotLabels.point(doc, p.get("set"));
            for (Map<String, Object> t : RecordTables.of(p.get("results"))) {
                byName.computeIfAbsent((String) t.get("name"), n -> new ArrayList<>()).add(new PointTable(label, t));
            }
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        byName.forEach((name, parts) -> {
            // every point's columns: a point's table may lack one that another has (one empty at that point)
            Set<String> union = new LinkedHashSet<>();
            parts.forEach(part -> union.addAll(part.columns()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PointTable part : parts) {
                List<String> own = part.columns();
                for (Object r : (List<?>) part.table().get("rows")) {
                    List<?> cells = (List<?>) ((Map<?, ?>) r).get("cells");
                    List<String> out = new ArrayList<>();
                    out.add(part.label());
                    for (String c : union) {
                        int at = own.indexOf(c);
                        out.add(at < 0 ? Placeholders.DASH : (String) cells.get(at));
                    }
                    rows.add(Map.of("cells", out));
                }
            }
            List<String> columns = new ArrayList<>();
            columns.add("point");
            columns.addAll(union);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", name);
            t.put("columns", columns);
            t.put("rows", rows);
            t.put("count", rows.size());
            tables.add(t);
        });
        return List.copyOf(tables);
    }

    /** One point's table of a list of records ({@link RecordTables#of}), with the point's label. */
    private record PointTable(String label, Map<String, Object> table) {
        List<String> columns() {
            return ((List<?>) table.get("columns")).stream().map(String.class::cast).toList();
        }
    }

    /**
     * A column's header: its keys joined by " = ", each in parts that may break after a dot or before an
     * inner capital ({@code predictive.} {@code Variance}), so that a long key wraps in its column instead
     * of widening it.
     */
    private static Map<String, Object> column(List<String> keys, boolean swept) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            if (!parts.isEmpty()) {
                parts.add(" = ");
            }
            StringBuilder part = new StringBuilder();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1)) && part.length() > 0) {
                    parts.add(part.toString());
                    part.setLength(0);
                }
                part.append(c);
                if (c == '.') {
                    parts.add(part.toString());
                    part.setLength(0);
                }
            }
            if (part.length() > 0) {
                parts.add(part.toString());
            }
        }
        return Map.of("key", String.join(" = ", keys), "parts", parts, "swept", swept);
    }

    /** {@code n} in superscript digits, a note's mark. */
    static String superscript(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return out.toString();
    }

    private static String cell(JsonElement v) {
        if (v == null) {
            return Placeholders.DASH;
        }
        String text = Json.text(v, 4);
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL) + " …" : text;
    }
}

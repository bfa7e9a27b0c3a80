package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.result.Series;
import org.workbench.api.result.Table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The tables a run's task declares in its layout, as the page's model: a caption, column headers (label
 * and unit) and rows of formatted cells, from a list of objects in the results or from result keys. A
 * run with a sweep (its results per point) or without the table's list shows none of it.
 */
final class Tables {
    private Tables() {
    }

    static List<Map<String, Object>> of(JsonObject doc) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonElement results = doc.get("results");
        if (results == null || !results.isJsonObject()) {
            return out;
        }
        for (Table t : Layouts.of(doc).tables()) {
            List<JsonElement> rows = new ArrayList<>();
            if (!t.overList()) {
                rows.add(results);
            } else if (Json.at(results, t.list()) instanceof com.google.gson.JsonArray items) {
                items.forEach(rows::add);
            }
            if (rows.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> body = new ArrayList<>();
            for (JsonElement row : rows) {
                List<String> cells = new ArrayList<>();
                for (Series s : t.columns()) {
                    cells.add(cell(Json.at(row, s.key()), s));
                }
                body.add(Map.of("cells", cells));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("title", t.title().isEmpty() ? t.id() : t.title());
            m.put("headers", t.columns().stream().map(Series::labelWithUnit).toList());
            m.put("rows", body);
            out.add(m);
        }
        return out;
    }

    /** A value as its series shows it: a whole count grouped by thousands, or its significant digits. */
    static String cell(JsonElement value, Series s) {
        return s.digits() == Series.WHOLE ? Json.count(value) : Json.text(value, s.digits());
    }
}

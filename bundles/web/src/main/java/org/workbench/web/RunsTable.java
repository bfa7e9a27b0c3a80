package org.workbench.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The runs table from the run store (docs/run-store.md): one page of rows for a {@code where}
 * expression, a sort key and the metric columns the user picked, asked of the engine's
 * {@code run-table} service in the documented {@code runs --json} shape; the links that sort by a
 * column, turn the page and export the same query as CSV.
 */
final class RunsTable {
    static final int PAGE = 50;
    private final String where;
    private final String sort;
    private final List<String> columns;
    private final int page;

    /** The query of a request's parameters {@code where}, {@code sort}, {@code cols} (comma-separated) and {@code page}. */
    RunsTable(String where, String sort, String cols, String page) {
        this.where = where == null ? "" : where.strip();
        this.sort = sort == null || sort.isBlank() ? null : sort.strip();
        this.columns = new ArrayList<>();
        if (cols != null) {
            for (String c : cols.split(",")) {
                if (!c.isBlank() && !columns.contains(c.strip())) {
                    columns.add(c.strip());
                }
            }
        }
        int p = 1;
        try {
            p = page == null ? 1 : Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            p = 1;
        }
        this.page = p;
    }

    /** The request for the service: this page, or every row ({@code csv}). */
    String request(boolean csv) {
        JsonObject q = new JsonObject();
        q.addProperty("where", where);
        if (sort != null) {
            q.addProperty("sort", sort);
        }
        JsonArray cols = new JsonArray();
        columns.forEach(cols::add);
        q.add("columns", cols);
        q.addProperty("limit", csv ? 100_000 : PAGE);
        q.addProperty("offset", csv ? 0 : (page - 1) * PAGE);
        q.addProperty("format", csv ? "csv" : "json");
        return q.toString();
    }

    /** Fills {@code m} with the page's rows, headers, paging and export links from the service's answer. */
    void model(Function<String, String> table, Map<String, Object> m) {
        m.put("where", where);
        m.put("cols", String.join(",", columns));
        if (sort != null) {
            m.put("sort", sort);
        }
        m.put("store", true);
        JsonObject answer = JsonParser.parseString(table.apply(request(false))).getAsJsonObject();
        if (answer.has("error")) {
            m.put("queryError", answer.get("error").getAsString());
            m.put("runs", List.of());
            m.put("headers", headers());
            return;
        }
        int total = answer.get("total").getAsInt();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonElement e : answer.getAsJsonArray("runs")) {
            JsonObject r = e.getAsJsonObject();
            String id = r.get("experiment").getAsString() + "/" + r.get("run").getAsString();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("href", Links.SERVED.run(id));
            row.put("experiment", r.get("experiment").getAsString());
            row.put("runId", r.get("run").getAsString());
            row.put("set", text(r.get("set")));
            row.put("runTitle", Prose.unicode(text(r.get("title"))));
            row.put("startedAt", text(r.get("started")).replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
            row.put("status", text(r.get("status")));
            row.put("homework", r.get("homework").getAsBoolean());
            row.put("overrides", text(r.get("overrides")));
            List<String> tags = new ArrayList<>();
            r.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
            row.put("tags", String.join(" ", tags));
            row.put("duration", r.get("durationMs").isJsonNull() ? "" : Long.toString(Math.round(r.get("durationMs").getAsDouble())));
            JsonObject values = r.getAsJsonObject("values");
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(Map.of("value", values.has(c) ? Json.text(values.get(c), 4) : ""));
            }
            row.put("cells", cells);
            rows.add(row);
        }
        m.put("runs", rows);
        m.put("headers", headers());
        m.put("total", total);
        int first = rows.isEmpty() ? 0 : (page - 1) * PAGE + 1;
        m.put("range", rows.isEmpty() ? "no rows" : "rows " + first + "–" + (first + rows.size() - 1) + " of " + total);
        if (page > 1) {
            m.put("prevHref", href(sort, page - 1));
        }
        if ((long) page * PAGE < total) {
            m.put("nextHref", href(sort, page + 1));
        }
        m.put("csvHref", "/runs?" + query(sort) + "&format=csv");
    }

    /** The fixed and the picked columns' headers, each a link that sorts by it (again: the other way). */
    private List<Map<String, Object>> headers() {
        List<Map<String, Object>> headers = new ArrayList<>();
        for (String[] h : new String[][] { { "Experiment", "experiment" }, { "Started (UTC)", "started" },
                { "Status", "status" }, { "Kind", "homework" }, { "Overrides", null }, { "Tags", "tag" },
                { "ms", "duration" } }) {
            headers.add(header(h[0], h[1]));
        }
        for (String c : columns) {
            Map<String, Object> h = header(c, c);
            h.put("metric", true);
            headers.add(h);
        }
        return headers;
    }

    private Map<String, Object> header(String label, String key) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("label", label);
        if (key != null) {
            boolean ascending = key.equals(sort);
            boolean descending = ("-" + key).equals(sort);
            h.put("href", href(ascending ? "-" + key : key, 1));
            h.put("key", key);
            h.put("ariaSort", ascending ? "ascending" : descending ? "descending" : "none");
            h.put("arrow", ascending ? " ▲" : descending ? " ▼" : "");
        }
        return h;
    }

    private String href(String sortKey, int toPage) {
        return "/runs?" + query(sortKey) + (toPage > 1 ? "&page=" + toPage : "");
    }

    private String query(String sortKey) {
        return "where=" + enc(where) + (sortKey == null ? "" : "&sort=" + enc(sortKey)) + "&cols=" + enc(String.join(",", columns));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}

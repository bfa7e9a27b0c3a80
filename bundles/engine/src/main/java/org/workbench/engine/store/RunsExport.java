package org.workbench.engine.store;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A query's answer as JSON and CSV, the shapes docs/run-store.md documents: what {@code runs --json}
 * and {@code runs --csv} print and what the web runs table reads.
 */
public final class RunsExport {
    private static final List<String> FIXED = List.of("experiment", "run", "point", "set", "status", "task", "started",
            "durationMs", "homework", "tags");

    private RunsExport() {
    }

    public static String json(QueryAnswer answer, List<String> columns, int limit, int offset) {
        JsonObject root = new JsonObject();
        root.addProperty("total", answer.total());
        root.addProperty("offset", offset);
        root.addProperty("limit", limit);
        JsonArray keys = new JsonArray();
        columns.forEach(keys::add);
        root.add("columns", keys);
        JsonArray runs = new JsonArray();
        for (RunRow r : answer.rows()) {
            JsonObject o = new JsonObject();
            o.addProperty("experiment", r.experiment());
            o.addProperty("run", r.runId());
            o.addProperty("point", r.point());
            o.addProperty("set", r.label());
            o.addProperty("status", r.status());
            o.addProperty("task", r.task());
            o.addProperty("title", r.title());
            o.addProperty("started", r.startedAt());
            o.addProperty("durationMs", r.durationMs());
            o.addProperty("homework", r.homework());
            o.addProperty("overrides", r.overrides());
            JsonArray tags = new JsonArray();
            r.tags().forEach(tags::add);
            o.add("tags", tags);
            o.addProperty("notes", r.notes());
            o.addProperty("folder", r.folder());
            JsonObject values = new JsonObject();
            r.values().forEach((k, v) -> {
                if (v instanceof Double d) {
                    values.addProperty(k, d);
                } else {
                    values.addProperty(k, (String) v);
                }
            });
            o.add("values", values);
            runs.add(o);
        }
        root.add("runs", runs);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root);
    }

    public static String csv(QueryAnswer answer, List<String> columns) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(columns);
        line(out, header);
        for (RunRow r : answer.rows()) {
            List<String> cells = new ArrayList<>(fixed(r));
            columns.forEach(c -> cells.add(value(r.values().get(c))));
            line(out, cells);
        }
        return out.toString();
    }

    private static List<String> fixed(RunRow r) {
        return List.of(r.experiment(), r.runId(), Integer.toString(r.point()), nz(r.label()), nz(r.status()), nz(r.task()),
                nz(r.startedAt()), r.durationMs() == null ? "" : Long.toString(Math.round(r.durationMs())),
                Boolean.toString(r.homework()), String.join(" ", r.tags()));
    }

    /** A value as a cell: whole numbers without ".0". */
    public static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        return (String) v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One CSV record (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled). */
    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }
}

package org.workbench.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonElement;

/**
 * {@code /compare?run=A&run=B...}: the parameters that differ (of the descriptors as run), the
 * result keys side by side (differing ones marked) and the curves their tasks declare overlaid.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/compare",
        "osgi.http.whiteboard.servlet.name=workbench-compare" })
public final class ComparePage extends Page {
    private static final long serialVersionUID = 1L;

    @Activate
    public ComparePage(@Reference Site site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] ids = Optional.ofNullable(req.getParameterValues("run")).orElse(new String[0]);
        List<RunRecord> runs = new ArrayList<>();
        for (String id : ids) {
            Optional<RunRecord> r = site.index().find(id);
            if (r.isEmpty()) {
                notFound(resp, "no run " + id);
                return;
            }
            runs.add(r.get());
        }
        if (runs.size() < 2) {
            problem(resp, HttpServletResponse.SC_BAD_REQUEST, "Nothing to compare", runs.isEmpty()
                    ? "select two or more runs on the Runs page to compare them"
                    : "one run was given (" + runs.get(0).id() + "); select two or more runs on the Runs page to compare them");
            return;
        }
        Map<String, Object> m = model("Compare " + runs.size() + " runs", "Runs");
        List<Map<String, Object>> heads = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            heads.add(Map.of("id", r.id(), "href", "/runs/" + r.id(), "label", "#" + (i + 1), "homework", r.homework()));
        }
        m.put("heads", heads);
        m.put("parameters", table(runs, true));
        List<Map<String, Object>> results = table(runs, false);
        m.put("results", results);
        m.put("deltaHead", runs.size() == 2 ? "Δ (#2 − #1)" : "Δ (largest − smallest)");
        m.put("identical", results.stream().noneMatch(r -> Boolean.TRUE.equals(r.get("differs"))));
        List<Map<String, Object>> overlay = overlay(runs);
        m.put("charts", Json.SAFE.toJson(overlay));
        m.put("hasRecords", runs.stream().anyMatch(r -> !RecordTables.of(r.document().get("results")).isEmpty()));
        html(resp, "compare", m);
    }

    private static List<Map<String, Object>> table(List<RunRecord> runs, boolean onlyDiffering) {
        List<Map<String, JsonElement>> flat = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (RunRecord r : runs) {
            // per-epoch records are the overlay's curves, not rows here
            JsonElement tree = onlyDiffering ? Json.at(r.document(), "provenance.effectiveDescriptor")
                    : (r.document().has("results") ? RecordTables.rest(r.document().get("results")) : r.document().get("points"));
            Map<String, JsonElement> f = Json.flatten(tree);
            if (onlyDiffering) {
                f.keySet().removeIf(k -> k.startsWith("plots") || k.equals("title") || k.equals("description"));
            }
            flat.add(f);
            keys.addAll(f.keySet());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String k : keys) {
            List<Map<String, Object>> cells = new ArrayList<>();
            Set<String> distinct = new LinkedHashSet<>();
            List<Double> numbers = new ArrayList<>();
            for (Map<String, JsonElement> f : flat) {
                JsonElement e = f.get(k);
                numbers.add(e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null);
                String v = f.containsKey(k) ? Json.text(f.get(k), 4) : "—";
                if (v.length() > 120) {
                    v = v.substring(0, 120) + " …";
                }
                distinct.add(v);
                cells.add(Map.of("value", v));
            }
            boolean differs = distinct.size() > 1;
            if (onlyDiffering && !differs) {
                continue;
            }
            rows.add(Map.of("key", k, "cells", cells, "differs", differs, "delta", delta(numbers)));
        }
        return rows;
    }

    /** For two runs the second's value minus the first's, for more the largest minus the smallest; blank unless all are numbers. */
    static String delta(List<Double> values) {
        if (values.size() < 2 || values.contains(null)) {
            return "";
        }
        double d = values.size() == 2 ? values.get(1) - values.get(0)
                : values.stream().mapToDouble(Double::doubleValue).max().orElse(0) - values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return d == 0 ? "0" : (d > 0 && values.size() == 2 ? "+" : "") + Json.number(d, 4);
    }

    /** The charts the runs' layouts declare, each run's curves overlaid on the chart of the same id: one colour per run, train solid and test dashed. */
    private static List<Map<String, Object>> overlay(List<RunRecord> runs) {
        Map<String, Map<String, Object>> panels = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (Map<String, Object> mine : byRun(Charts.declared(runs.get(i).document(), " #" + (i + 1), false), i)) {
                Map<String, Object> panel = panels.get((String) mine.get("id"));
                if (panel == null) {
                    panels.put((String) mine.get("id"), new LinkedHashMap<>(mine));
                } else {
                    merge(panel, mine);
                }
            }
        }
        return List.copyOf(panels.values());
    }

    /** The panels with each series marked as run {@code run}'s, and as a test curve when it is one. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> byRun(List<Map<String, Object>> panels, int run) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> p : panels) {
            Map<String, Object> copy = new LinkedHashMap<>(p);
            List<Map<String, Object>> series = new ArrayList<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) p.get("series")) {
                Map<String, Object> c = new LinkedHashMap<>(s);
                c.put("run", run);
                c.put("test", String.valueOf(s.get("label")).startsWith("test"));
                series.add(c);
            }
            copy.put("series", series);
            out.add(copy);
        }
        return out;
    }

    /** Adds {@code other}'s series to {@code panel}, on the union of their x values. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> panel, Map<String, Object> other) {
        List<Double> x = (List<Double>) panel.get("x");
        List<Double> ox = (List<Double>) other.get("x");
        List<Double> union = new ArrayList<>(new java.util.TreeSet<>(x.stream().filter(Objects::nonNull).toList()));
        ox.stream().filter(Objects::nonNull).filter(v -> !union.contains(v)).forEach(union::add);
        java.util.Collections.sort(union);
        List<Map<String, Object>> series = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) panel.get("series")) {
            series.add(realign(s, x, union));
        }
        for (Map<String, Object> s : (List<Map<String, Object>>) other.get("series")) {
            series.add(realign(s, ox, union));
        }
        panel.put("x", union);
        panel.put("series", series);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> realign(Map<String, Object> s, List<Double> from, List<Double> to) {
        List<Double> y = (List<Double>) s.get("y");
        List<Double> out = new ArrayList<>();
        for (Double t : to) {
            int i = from.indexOf(t);
            out.add(i < 0 ? null : y.get(i));
        }
        Map<String, Object> copy = new LinkedHashMap<>(s);
        copy.put("y", out);
        return copy;
    }
}

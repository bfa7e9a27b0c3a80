package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.result.Chart;
import org.workbench.api.result.PointLabel;
import org.workbench.api.result.ReadableNames;
import org.workbench.api.result.Series;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Chart data for the pages (drawn by uPlot in the browser): the charts the run's task declares in its
 * {@link org.workbench.api.result.ResultLayout} (a curve per declared series over a list in the
 * results, such as training's loss and accuracy panels over {@code epochs}), and the descriptor's
 * sweep plots with a band of ±1 standard
 * error wherever a {@code .mean} has a {@code .stderr} beside it. A point a logarithmic axis cannot show
 * is left out with a note, as in the run's PNG ({@link LogAxes}). Knows no task's keys.
 */
final class Charts {
    private Charts() {
    }

    /** Every chart a run's result offers. */
    static List<Map<String, Object>> of(JsonObject doc) {
        List<Map<String, Object>> charts = new ArrayList<>(declared(doc, "", true));
        JsonElement plots = Json.at(doc, "provenance.effectiveDescriptor.plots");
        JsonElement points = doc.get("points");
        if (plots != null && plots.isJsonArray() && points != null && points.isJsonArray()) {
            for (JsonElement p : plots.getAsJsonArray()) {
                if (p.isJsonObject()) {
                    charts.add(sweep(p.getAsJsonObject(), points.getAsJsonArray()));
                }
            }
        }
        return charts;
    }

    /**
     * The charts the run's layout declares over its {@code results} (a run without a sweep), each a chart
     * whose list holds objects; {@code suffix} names the run in an overlay, {@code marks} whether its hot
     * swaps are marked.
     */
    static List<Map<String, Object>> declared(JsonObject doc, String suffix, boolean marks) {
        List<Map<String, Object>> charts = new ArrayList<>();
        JsonElement results = doc.get("results");
        if (results == null || !results.isJsonObject()) {
            return charts;
        }
        for (Chart declared : Layouts.charts(doc)) {
            JsonElement rows = Json.at(results, declared.list());
            if (rows != null && rows.isJsonArray() && rows.getAsJsonArray().size() > 0) {
                charts.add(curves(declared, rows.getAsJsonArray(), suffix, marks ? swapMarks(doc, declared.x()) : List.of()));
            }
        }
        return charts;
    }

    /** One declared chart over the objects of a list; {@code suffix} names the run in an overlay. */
    static Map<String, Object> curves(Chart declared, JsonArray rows, String suffix, List<Double> swaps) {
        List<Double> x = new ArrayList<>();
        Map<Series, List<Double>> columns = new LinkedHashMap<>();
        declared.series().forEach(s -> columns.put(s, new ArrayList<>()));
        for (JsonElement e : rows) {
            x.add(number(Json.at(e, declared.x()), x.size() + 1.0));
            columns.forEach((s, v) -> v.add(number(Json.at(e, s.key()), null)));
        }
        String yLabel = declared.yLabel().isEmpty() ? unit(declared.series()) : declared.yLabel();
        Map<String, Object> chart = chart(declared.title(), declared.xLabel().isEmpty() ? declared.x() : declared.xLabel(),
                yLabel, false, false, x);
        columns.forEach((s, v) -> addIfAny(chart, s.label() + suffix, v, null, null));
        chart.put("marks", swaps);
        if (declared.integerX()) {
            chart.put("integerX", true);
        }
        chart.put("id", declared.id());
        return chart;
    }

    /** The series' common unit, else "value". */
    private static String unit(List<Series> series) {
        List<String> units = series.stream().map(Series::unit).distinct().toList();
        return units.size() == 1 && !units.get(0).isEmpty() ? units.get(0) : "value";
    }

    /**
     * Where the finished run's curves over {@code x} mark its hot swaps, from its provenance: a swap at a
     * safe point the task names "{@code x} N" ({@code provenance.swaps[].at}, such as "epoch 13") put the
     * new component to work from N on, so the mark sits between N - 1 and N.
     */
    static List<Double> swapMarks(JsonObject doc, String x) {
        java.util.regex.Pattern at = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(x) + " (\\d+)");
        List<Double> marks = new ArrayList<>();
        JsonElement swaps = Json.at(doc, "provenance.swaps");
        if (swaps != null && swaps.isJsonArray()) {
            for (JsonElement s : swaps.getAsJsonArray()) {
                JsonElement where = s.isJsonObject() ? s.getAsJsonObject().get("at") : null;
                java.util.regex.Matcher m = where != null && where.isJsonPrimitive() ? at.matcher(where.getAsString()) : null;
                if (m != null && m.matches()) {
                    marks.add(Integer.parseInt(m.group(1)) - 0.5);
                }
            }
        }
        return marks;
    }

    private static Map<String, Object> sweep(JsonObject spec, JsonArray points) {
        String xKey = string(spec, "x", "");
        List<String> yKeys = new ArrayList<>();
        JsonElement y = spec.get("y");
        if (y != null && y.isJsonArray()) {
            y.getAsJsonArray().forEach(e -> yKeys.add(e.getAsString()));
        } else if (y != null && y.isJsonPrimitive()) {
            yKeys.add(y.getAsString());
        }
        List<JsonElement> xs = new ArrayList<>();
        for (JsonElement p : points) {
            JsonElement set = p.isJsonObject() ? p.getAsJsonObject().get("set") : null;
            xs.add(set != null && set.isJsonObject() ? set.getAsJsonObject().get(xKey) : null);
        }
        List<String> categories = categories(xs);
        List<Double> x = new ArrayList<>();
        for (JsonElement v : xs) {
            x.add(categories == null ? number(v, null)
                    : v == null ? null : Double.valueOf(categories.indexOf(PointLabel.value(Json.plain(v), PointLabel.DIGITS))));
        }
        if (categories != null) { // the points in the order of their categories, as a chart's x values go
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                order.add(i);
            }
            order.sort(java.util.Comparator.comparing(i -> x.get(i) == null ? Double.MAX_VALUE : x.get(i)));
            JsonArray sorted = new JsonArray();
            List<Double> sortedX = new ArrayList<>();
            for (int i : order) {
                sorted.add(points.get(i));
                sortedX.add(x.get(i));
            }
            points = sorted;
            x.clear();
            x.addAll(sortedX);
        }
        Map<String, Object> chart = chart(string(spec, "title", string(spec, "name", "")), string(spec, "xLabel", ReadableNames.ofSweepKey(xKey)),
                string(spec, "yLabel", yKeys.isEmpty() ? "value" : ReadableNames.common(yKeys)), categories == null && bool(spec, "logX"),
                bool(spec, "logY"), x);
        chart.put("id", string(spec, "name", "sweep"));
        if (categories != null) {
            chart.put("categories", categories);
        }
        JsonElement labels = spec.get("labels");
        for (int i = 0; i < yKeys.size(); i++) {
            String key = yKeys.get(i);
            List<Double> values = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            boolean band = key.endsWith(".mean");
            String errKey = band ? key.substring(0, key.length() - ".mean".length()) + ".stderr" : null;
            for (JsonElement p : points) {
                Double v = number(Json.at(p, "results." + key), null);
                values.add(v);
                Double se = band ? number(Json.at(p, "results." + errKey), null) : null;
                band &= se != null || v == null;
                lo.add(v == null || se == null ? null : v - se);
                hi.add(v == null || se == null ? null : v + se);
            }
            String label = labels != null && labels.isJsonArray() && i < labels.getAsJsonArray().size()
                    ? labels.getAsJsonArray().get(i).getAsString() : ReadableNames.of(key);
            addIfAny(chart, label, values, band ? lo : null, band ? hi : null);
        }
        return LogAxes.leaveOut(chart);
    }

    /**
     * The names of the x values when they are not all numbers (a sweep over providers, {@code prior.use},
     * or whole components), in the order the points first name them; null when every value is a number
     * (or missing) and the axis is numeric.
     */
    static List<String> categories(List<JsonElement> xs) {
        boolean numeric = xs.stream().allMatch(v -> v == null || v.isJsonNull()
                || v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber());
        if (numeric) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonElement v : xs) {
            String name = v == null ? null : PointLabel.value(Json.plain(v), PointLabel.DIGITS);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Map<String, Object> chart(String title, String xLabel, String yLabel, boolean logX, boolean logY,
            List<Double> x) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", title);
        c.put("xLabel", xLabel);
        c.put("yLabel", yLabel);
        c.put("logX", logX);
        c.put("logY", logY);
        c.put("x", x);
        c.put("series", new ArrayList<Map<String, Object>>());
        return c;
    }

    @SuppressWarnings("unchecked")
    private static void addIfAny(Map<String, Object> chart, String label, List<Double> y, List<Double> lo, List<Double> hi) {
        if (y.stream().allMatch(v -> v == null)) {
            return;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("label", label);
        s.put("y", y);
        if (lo != null) {
            s.put("lo", lo);
            s.put("hi", hi);
        }
        ((List<Map<String, Object>>) chart.get("series")).add(s);
    }

    private static Double number(JsonElement e, Double fallback) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? Double.valueOf(e.getAsDouble()) : fallback;
    }

    private static String string(JsonObject o, String k, String fallback) {
        JsonElement e = o.get(k);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
    }

    private static boolean bool(JsonObject o, String k) {
        JsonElement e = o.get(k);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }
}

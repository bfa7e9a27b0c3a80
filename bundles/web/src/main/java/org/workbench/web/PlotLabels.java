package org.workbench.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.workbench.api.result.PointLabel;

/**
 * What a reader needs beside a run's plot: its title (as {@code result.json}'s {@code plots} records it,
 * else from the descriptor's {@code plots}) and, for a
 * sweep point's plot ({@code points/N/...}), the point's values written as the plots' axis labels
 * name them ("τ = 0.1", "seed 181") rather than as descriptor paths.
 */
final class PlotLabels {
    private static final Pattern POINT = Pattern.compile("^points/(\\d+)/(.+)$");
    private final JsonObject doc;
    /** {@link #chartTitles()}, once read. */
    private java.util.Map<String, String> chartTitles;

    PlotLabels(JsonObject doc) {
        this.doc = doc;
    }

    /**
     * The title drawn on the plot, as {@code result.json}'s {@code plots} records it (a sweep point's
     * plot with the point's values), or empty for a run written before plots were recorded.
     */
    String recorded(String file) {
        JsonElement plots = doc.get("plots");
        if (plots != null && plots.isJsonArray()) {
            for (JsonElement p : plots.getAsJsonArray()) {
                JsonElement files = p.isJsonObject() ? p.getAsJsonObject().get("files") : null;
                if (files != null && files.isJsonArray() && files.getAsJsonArray().contains(new com.google.gson.JsonPrimitive(file))) {
                    return text(p.getAsJsonObject(), "title");
                }
            }
        }
        return "";
    }

    /**
     * The plot's title: the recorded one, else the descriptor's for its name, else the title of the chart
     * of the same name in the run's recorded layout (a task draws its PNG and declares its chart under one
     * name: train-classifier's {@code accuracy}), else its file name. A run written before {@code plots}
     * were recorded keeps no title anywhere else: the PNG carries none in its metadata (only its size and
     * pixel density) and its SVG draws the text as glyph outlines.
     */
    String title(String file) {
        String recorded = recorded(file);
        if (!recorded.isEmpty()) {
            return recorded;
        }
        Matcher m = POINT.matcher(file);
        String base = (m.matches() ? m.group(2) : file).replaceAll("\\.(png|svg)$", "");
        JsonElement plots = Json.at(doc, "provenance.effectiveDescriptor.plots");
        if (plots != null && plots.isJsonArray()) {
            for (JsonElement p : plots.getAsJsonArray()) {
                if (p.isJsonObject() && base.equals(text(p.getAsJsonObject(), "name")) && !text(p.getAsJsonObject(), "title").isEmpty()) {
                    return text(p.getAsJsonObject(), "title");
                }
            }
        }
        return chartTitles().getOrDefault(base, base);
    }

    /** The titles of the charts of the run's recorded layout by chart name, read from the layout once. */
    private java.util.Map<String, String> chartTitles() {
        if (chartTitles == null) {
            java.util.Map<String, String> titles = new java.util.HashMap<>();
            if (doc.has(org.workbench.api.result.ResultLayout.KEY)) {
                for (org.workbench.api.result.Chart c : Layouts.of(doc).charts()) {
                    if (!c.title().isEmpty()) {
                        titles.putIfAbsent(c.id(), c.title());
                    }
                }
            }
            chartTitles = titles;
        }
        return chartTitles;
    }

    /** For {@code points/N/...}, the point's values ("τ = 0.1", "seed 181"); empty for any other file. */
    String point(String file) {
        Matcher m = POINT.matcher(file);
        JsonElement points = doc.get("points");
        if (!m.matches() || points == null || !points.isJsonArray()) {
            return "";
        }
        int n = Integer.parseInt(m.group(1));
        if (n >= points.getAsJsonArray().size() || !points.getAsJsonArray().get(n).isJsonObject()) {
            return "point " + n;
        }
        String label = point(doc, points.getAsJsonArray().get(n).getAsJsonObject().get("set"));
        return label.isEmpty() ? "point " + n : label;
    }

    /**
     * A sweep point's {@code set} as the engine titles its plots ({@link PointLabel}), with the
     * symbols the run's plots give the swept paths; empty when there is no set.
     */
    static String point(JsonObject doc, JsonElement set) {
        if (set == null || !set.isJsonObject()) {
            return "";
        }
        return PointLabel.of(Json.plainObject(set.getAsJsonObject()),
                PointLabel.symbols(Json.plain(Json.at(doc, "provenance.effectiveDescriptor.plots"))));
    }

    /**
     * A caption: the recorded title as drawn (which names a sweep point's values itself), else the
     * title then the point's values when it is a sweep point's plot.
     */
    String caption(String file) {
        String recorded = recorded(file);
        if (!recorded.isEmpty()) {
            return recorded;
        }
        String point = point(file);
        return point.isEmpty() ? title(file) : title(file) + " — " + point;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}

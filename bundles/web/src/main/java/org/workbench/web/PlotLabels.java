package org.workbench.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.workbench.api.result.PointLabel;

/**
 * What a reader needs beside a run's plot: its title (from the descriptor's {@code plots}) and, for a
 * sweep point's plot ({@code points/N/...}), the point's values written as the plots' axis labels
 * name them ("τ = 0.1", "seed 181") rather than as descriptor paths.
 */
final class PlotLabels {
    private static final Pattern POINT = Pattern.compile("^points/(\\d+)/(.+)$");
    private final JsonObject doc;

    PlotLabels(JsonObject doc) {
        this.doc = doc;
    }

    /** The plot's title, or its file name when the descriptor names no plot so. */
    String title(String file) {
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
        return base;
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

    /** A caption: the title, then the point's values when it is a sweep point's plot. */
    String caption(String file) {
        String point = point(file);
        return point.isEmpty() ? title(file) : title(file) + " — " + point;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}

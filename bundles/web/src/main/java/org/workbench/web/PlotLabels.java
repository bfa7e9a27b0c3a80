package org.workbench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

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
        JsonElement set = points.getAsJsonArray().get(n).getAsJsonObject().get("set");
        List<String> parts = new ArrayList<>();
        if (set != null && set.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : set.getAsJsonObject().entrySet()) {
                String value = PointLabels.value(e.getValue(), 6);
                String symbol = symbol(e.getKey());
                parts.add(PointLabels.providerKey(e.getKey()) ? PointLabels.part(e.getKey(), value)
                        : symbol.equals("seed") ? "seed " + value : symbol + " = " + value);
            }
        }
        return parts.isEmpty() ? "point " + n : String.join(", ", parts);
    }

    /** A caption: the title, then the point's values when it is a sweep point's plot. */
    String caption(String file) {
        String point = point(file);
        return point.isEmpty() ? title(file) : title(file) + " — " + point;
    }

    /**
     * The short name a plot's axis label gives the swept path: the label's last word when it is a
     * symbol of up to three characters ("prior scale τ" gives τ), else the path's last part.
     */
    private String symbol(String path) {
        JsonElement plots = Json.at(doc, "provenance.effectiveDescriptor.plots");
        if (plots != null && plots.isJsonArray()) {
            for (JsonElement p : plots.getAsJsonArray()) {
                if (p.isJsonObject() && path.equals(text(p.getAsJsonObject(), "x"))) {
                    String[] words = text(p.getAsJsonObject(), "xLabel").strip().split("\\s+");
                    String last = words[words.length - 1];
                    if (!last.isEmpty() && last.codePointCount(0, last.length()) <= 3) {
                        return last;
                    }
                }
            }
        }
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}

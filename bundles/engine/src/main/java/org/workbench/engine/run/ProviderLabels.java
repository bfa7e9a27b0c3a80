package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.workbench.engine.descriptor.SweepAxis;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * How plots name the points of a sweep over providers ({@code prior.use}, {@code prior.version},
 * or whole components {@code prior}): by provider ({@code laplace}, {@code laplace (scale = 1)}),
 * with a categorical x axis (positions 1, 2, ... named in the axis title) when the swept key is x,
 * and one series per provider when another key is x.
 */
final class ProviderLabels {
    private ProviderLabels() {
    }

    /** A sweep value as a legend names it: a component object by its provider and parameters, else as written. */
    static String of(JsonElement value) {
        if (value instanceof JsonObject o && o.get("use") != null && o.get("use").isJsonPrimitive()) {
            String with = o.get("with") instanceof JsonObject w && w.size() > 0 ? w.entrySet().stream()
                    .map(e -> e.getKey() + " = " + text(e.getValue())).collect(Collectors.joining(", ", " (", ")")) : "";
            return o.get("use").getAsString() + (o.has("version") ? " " + text(o.get("version")) : "") + with;
        }
        return text(value);
    }

    private static String text(JsonElement v) {
        return v.isJsonPrimitive() ? v.getAsString() : v.toString();
    }

    /** The distinct values of {@code key} over the points, in order of first appearance: the categories of an x axis. */
    static List<JsonElement> categories(String key, List<PointOutcome> outcomes) {
        List<JsonElement> out = new ArrayList<>();
        for (PointOutcome o : outcomes) {
            JsonElement v = o.point().set().get(key);
            if (v != null && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The x axis title of a categorical axis: {@code "prior: 1 gaussian, 2 laplace"}. */
    static String axisTitle(String title, List<JsonElement> categories) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            named.add((i + 1) + " " + of(categories.get(i)));
        }
        return title + ": " + String.join(", ", named);
    }

    /**
     * The points grouped by their values of the provider keys other than {@code x}, each group under
     * its legend suffix ({@code "prior laplace"}); one group with an empty suffix when no other
     * provider key is swept.
     */
    static Map<String, List<PointOutcome>> groups(String x, List<PointOutcome> outcomes) {
        Map<String, List<PointOutcome>> out = new LinkedHashMap<>();
        for (PointOutcome o : outcomes) {
            List<String> parts = new ArrayList<>();
            o.point().set().forEach((key, value) -> {
                if (!key.equals(x) && SweepAxis.isComponentKey(key)) {
                    parts.add(role(key) + " " + of(value));
                }
            });
            out.computeIfAbsent(String.join(", ", parts), k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    /** {@code prior} for {@code prior.use} and {@code prior}; {@code prior version} for {@code prior.version}. */
    static String role(String key) {
        if (key.endsWith("." + SweepAxis.USE)) {
            return key.substring(0, key.length() - SweepAxis.USE.length() - 1);
        }
        if (key.endsWith("." + SweepAxis.VERSION)) {
            return key.substring(0, key.length() - SweepAxis.VERSION.length() - 1) + " version";
        }
        return key;
    }
}

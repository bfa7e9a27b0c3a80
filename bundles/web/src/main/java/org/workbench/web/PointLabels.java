package org.workbench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A sweep point's values as a reader names them: {@code τ = 0.1} for the Laplace prior's scale,
 * {@code n = 100} for the data's size, {@code seed 181}, {@code prior laplace} for a sweep over the
 * prior's provider; any other key as written ({@code optimizer.learningRate = 0.01}).
 */
final class PointLabels {
    /** The homework's symbols for the parameters its sweeps vary (the short form sweeps record). */
    private static final Map<String, String> SYMBOLS = Map.of(
            "prior.scale", "τ",
            "prior.variance", "σ₀²",
            "likelihood.variance", "σ²",
            "data.n", "n",
            "data.noiseVariance", "σ²",
            "task.replications", "replications");

    private PointLabels() {
    }

    /** The label of a point's {@code set} object, its keys in order, joined by ", ". */
    static String of(JsonObject set) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : set.entrySet()) {
            parts.add(part(e.getKey(), value(e.getValue(), 4)));
        }
        return String.join(", ", parts);
    }

    /**
     * A sweep value as a reader names it: a component object of a component sweep
     * ({@code "prior": [{"use": "laplace", "with": {"scale": 1}}, ...]}) by its provider and
     * parameters, {@code laplace (scale = 1)}; any other value as {@link Json#text} writes it.
     */
    static String value(JsonElement v, int digits) {
        if (v != null && v.isJsonObject() && v.getAsJsonObject().get("use") instanceof com.google.gson.JsonPrimitive use
                && use.isJsonPrimitive()) {
            JsonObject o = v.getAsJsonObject();
            List<String> with = new ArrayList<>();
            if (o.get("with") instanceof JsonObject w) {
                w.entrySet().forEach(e -> with.add(e.getKey() + " = " + Json.text(e.getValue(), digits)));
            }
            return use.getAsString() + (o.has("version") ? " " + Json.text(o.get("version"), digits) : "")
                    + (with.isEmpty() ? "" : " (" + String.join(", ", with) + ")");
        }
        return Json.text(v, digits);
    }

    /** Whether {@code key} sweeps a role's provider: {@code prior.use}, {@code prior.version} or {@code prior}. */
    static boolean providerKey(String key) {
        return key.endsWith(".use") || key.endsWith(".version") || !key.contains(".") && !key.equals("seed");
    }

    static String part(String key, String value) {
        String shortKey = key.replace(".with.", ".");
        if (shortKey.equals("seed") || shortKey.endsWith(".seed")) {
            return "seed " + value;
        }
        if (providerKey(shortKey)) { // labelled by provider: "prior laplace", "prior version [1.0,1.1)"
            String role = shortKey.endsWith(".use") ? shortKey.substring(0, shortKey.length() - ".use".length())
                    : shortKey.endsWith(".version") ? shortKey.substring(0, shortKey.length() - ".version".length())
                            + " version" : shortKey;
            return role + " " + value;
        }
        return SYMBOLS.getOrDefault(shortKey, shortKey) + " = " + value;
    }
}

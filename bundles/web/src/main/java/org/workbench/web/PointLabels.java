package org.workbench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A sweep point's values as a reader names them: {@code τ = 0.1} for the Laplace prior's scale,
 * {@code n = 100} for the data's size, {@code seed 181}; any other key as written
 * ({@code optimizer.learningRate = 0.01}).
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
            parts.add(part(e.getKey(), Json.text(e.getValue(), 4)));
        }
        return String.join(", ", parts);
    }

    static String part(String key, String value) {
        String shortKey = key.replace(".with.", ".");
        if (shortKey.equals("seed") || shortKey.endsWith(".seed")) {
            return "seed " + value;
        }
        return SYMBOLS.getOrDefault(shortKey, shortKey) + " = " + value;
    }
}

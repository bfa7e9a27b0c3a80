package org.workbench.api.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep point's values as a reader names them, the one naming that the engine's plot titles and
 * every reader's captions share: {@code τ = 0.1} for the Laplace prior's scale (or the symbol the
 * plots' axis label gives the swept path), {@code n = 100} for the data's size, {@code seed 181},
 * {@code prior laplace} for a sweep over the prior's provider, and any other key as written without
 * {@code .with.} ({@code optimizer.learningRate = 0.01}).
 *
 * <p>Values are plain JSON as any JSON library reads it into maps, lists, numbers, strings and
 * booleans (the {@code set} of a point in {@code result.json}).
 */
public final class PointLabel {
    /** The significant digits of a number in a label. */
    public static final int DIGITS = 6;

    /** The homework's symbols for the parameters its sweeps vary (the short form sweeps record). */
    private static final Map<String, String> SYMBOLS = Map.of(
            "prior.scale", "τ",
            "prior.variance", "σ₀²",
            "likelihood.variance", "σ²",
            "data.n", "n",
            "data.noiseVariance", "σ²",
            "task.replications", "replications");

    private PointLabel() {
    }

    /** The label of a point's {@code set}, its keys in order, joined by ", "; empty for an empty set. */
    public static String of(Map<String, ?> set) {
        return of(set, Map.of());
    }

    /**
     * The label of a point's {@code set}, its keys in order, joined by ", ".
     *
     * @param symbols short names of swept paths by sweep key (from {@link #symbols(List)}), ahead of the built-in ones
     */
    public static String of(Map<String, ?> set, Map<String, String> symbols) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, ?> e : set.entrySet()) {
            parts.add(part(e.getKey(), value(e.getValue(), DIGITS), symbols));
        }
        return String.join(", ", parts);
    }

    /**
     * The short names that a descriptor's plots give the paths on their x axes: for each plot
     * ({@code {"x": "prior.scale", "xLabel": "prior scale τ"}}) whose axis label ends in a word of up to
     * three characters, that word by the path.
     *
     * @param plots the descriptor's {@code plots} array as plain JSON (null or anything else: none)
     */
    public static Map<String, String> symbols(Object plots) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(plots instanceof List<?> list)) {
            return out;
        }
        for (Object p : list) {
            if (p instanceof Map<?, ?> plot && plot.get("x") instanceof String x && plot.get("xLabel") instanceof String label) {
                String[] words = label.strip().split("\\s+");
                String last = words[words.length - 1];
                if (!last.isEmpty() && last.codePointCount(0, last.length()) <= 3) {
                    out.putIfAbsent(x, last);
                }
            }
        }
        return out;
    }

    /** One key's part of a label: {@code seed 181}, {@code prior laplace}, {@code τ = 0.1}. */
    public static String part(String key, String value, Map<String, String> symbols) {
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
        String symbol = symbols.getOrDefault(key, symbols.getOrDefault(shortKey, SYMBOLS.getOrDefault(shortKey, shortKey)));
        return symbol.equals("seed") ? "seed " + value : symbol + " = " + value;
    }

    /** Whether {@code key} sweeps a role's provider: {@code prior.use}, {@code prior.version} or {@code prior}. */
    public static boolean providerKey(String key) {
        return key.endsWith(".use") || key.endsWith(".version") || !key.contains(".") && !key.equals("seed");
    }

    /**
     * A sweep value as a reader names it: a component object of a component sweep
     * ({@code {"use": "laplace", "with": {"scale": 1}}}) by its provider and parameters,
     * {@code laplace (scale = 1)}; a number to {@code digits} significant digits (a whole number whole);
     * a list as {@code [a, b]}; anything else as its text.
     */
    public static String value(Object v, int digits) {
        if (v instanceof Map<?, ?> o && o.get("use") instanceof String use) {
            List<String> with = new ArrayList<>();
            if (o.get("with") instanceof Map<?, ?> w) {
                w.forEach((k, x) -> with.add(k + " = " + value(x, digits)));
            }
            return use + (o.get("version") != null ? " " + value(o.get("version"), digits) : "")
                    + (with.isEmpty() ? "" : " (" + String.join(", ", with) + ")");
        }
        if (v == null) {
            return "undefined";
        }
        if (v instanceof Number n) {
            return number(n, digits);
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(x -> items.add(value(x, digits)));
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(v);
    }

    private static String number(Number n, int digits) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        return number(n.doubleValue(), digits);
    }

    /**
     * {@code v} with at most {@code digits} significant digits, without trailing zeros ({@code 0.1},
     * {@code 2.5e-7}); a whole number as a whole number ({@code 181}).
     */
    public static String number(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%." + Math.max(1, digits) + "g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return trimZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return trimZeros(s);
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

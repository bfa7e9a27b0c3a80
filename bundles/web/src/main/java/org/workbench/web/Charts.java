package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Chart data for the pages (drawn by uPlot in the browser): the training curves of a
 * {@code train-classifier} result in two panels (loss, accuracy), and the descriptor's sweep plots
 * with a band of ±1 standard error wherever a {@code .mean} has a {@code .stderr} beside it. A point
 * a logarithmic axis cannot show is left out with a note, as in the run's PNG ({@link LogAxes}).
 */
final class Charts {
    private Charts() {
    }

    /** Every chart a run's result offers. */
    static List<Map<String, Object>> of(JsonObject doc) {
        List<Map<String, Object>> charts = new ArrayList<>();
        JsonElement epochs = Json.at(doc, "results.epochs");
        if (epochs != null && epochs.isJsonArray() && epochs.getAsJsonArray().size() > 0) {
            charts.addAll(training(epochs.getAsJsonArray(), "", swapEpochs(doc)));
        }
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

    /** The loss and accuracy panels; {@code suffix} names the run in an overlay. */
    static List<Map<String, Object>> training(JsonArray epochs, String suffix, List<Double> swaps) {
        List<Double> x = new ArrayList<>();
        Map<String, List<Double>> columns = new LinkedHashMap<>();
        for (String k : List.of("trainLoss", "testLoss", "trainAccuracy", "testAccuracy")) {
            columns.put(k, new ArrayList<>());
        }
        for (JsonElement e : epochs) {
            JsonObject row = e.getAsJsonObject();
            x.add(number(row.get("epoch"), x.size() + 1.0));
            columns.forEach((k, v) -> v.add(number(row.get(k), null)));
        }
        Map<String, Object> loss = chart("Loss", "epoch", "cross-entropy loss", false, false, x);
        Map<String, Object> acc = chart("Accuracy", "epoch", "accuracy", false, false, x);
        addIfAny(loss, "train loss" + suffix, columns.get("trainLoss"), null, null);
        addIfAny(loss, "test loss" + suffix, columns.get("testLoss"), null, null);
        addIfAny(acc, "train accuracy" + suffix, columns.get("trainAccuracy"), null, null);
        addIfAny(acc, "test accuracy" + suffix, columns.get("testAccuracy"), null, null);
        loss.put("marks", swaps);
        acc.put("marks", swaps);
        loss.put("integerX", true);
        acc.put("integerX", true);
        loss.put("id", "loss");
        acc.put("id", "accuracy");
        return List.of(loss, acc);
    }

    /** A swap's safe point as the training task records it in {@code provenance.swaps[].at}. */
    private static final java.util.regex.Pattern SWAP_AT = java.util.regex.Pattern.compile("epoch (\\d+)");

    /** Where the finished run's curves mark its hot swaps, from its provenance. */
    static List<Double> swapEpochs(JsonObject doc) {
        List<Double> marks = new ArrayList<>();
        JsonElement swaps = Json.at(doc, "provenance.swaps");
        if (swaps != null && swaps.isJsonArray()) {
            for (JsonElement s : swaps.getAsJsonArray()) {
                JsonElement at = s.isJsonObject() ? s.getAsJsonObject().get("at") : null;
                java.util.regex.Matcher m = at != null && at.isJsonPrimitive()
                        ? SWAP_AT.matcher(at.getAsString()) : null;
                if (m != null && m.matches()) {
                    // the new component trains from epoch E on: the swap sits between epochs E - 1 and E
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
        List<Double> x = new ArrayList<>();
        for (JsonElement p : points) {
            JsonElement set = p.isJsonObject() ? p.getAsJsonObject().get("set") : null;
            x.add(set != null && set.isJsonObject() ? number(set.getAsJsonObject().get(xKey), null) : null);
        }
        Map<String, Object> chart = chart(string(spec, "title", string(spec, "name", "")), string(spec, "xLabel", readable(xKey).replace(", ", " ")),
                string(spec, "yLabel", common(yKeys)), bool(spec, "logX"),
                bool(spec, "logY"), x);
        chart.put("id", string(spec, "name", "sweep"));
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
                    ? labels.getAsJsonArray().get(i).getAsString() : readable(key);
            addIfAny(chart, label, values, band ? lo : null, band ? hi : null);
        }
        return LogAxes.leaveOut(chart);
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

    /** Sweep and result keys the homework writes in its own notation (as the engine's PNGs do). */
    private static final Map<String, String> NOTATION = Map.of("data.n", "n", "prior.variance", "prior variance τ²",
            "prior.scale", "prior scale τ", "likelihood.variance", "noise variance σ²", "predictive.variance",
            "predictive variance Var(x | D)", "predictive.mean", "predictive mean E[x | D]", "ratioMapOverMle",
            "MAP / MLE", "mleMinusMap", "MLE − MAP");

    /** A readable name for a result key: {@code study.testMse.map.mean} becomes "test MSE, MAP". */
    static String readable(String key) {
        String known = NOTATION.get(key.startsWith("results.") ? key.substring("results.".length()) : key);
        if (known != null) {
            return known;
        }
        List<String> words = new ArrayList<>();
        for (String seg : key.split("\\.")) {
            if (seg.equals("mean") || seg.equals("results") || seg.equals("study") || seg.matches("\\d+")) {
                continue;
            }
            String w = switch (seg) {
                case "map" -> "MAP";
                case "mle" -> "MLE";
                case "testMse" -> "test MSE";
                case "posteriorMean" -> "posterior mean";
                case "stderr" -> "standard error";
                case "scale" -> "scale τ";
                default -> seg.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            };
            words.add(w);
        }
        return words.isEmpty() ? key : String.join(", ", words);
    }

    /** What the readable names of several keys share ("test MSE"), else "value". */
    static String common(List<String> keys) {
        if (keys.isEmpty()) {
            return "value";
        }
        String[] first = readable(keys.get(0)).split(", ");
        int shared = first.length;
        for (String k : keys) {
            String[] parts = readable(k).split(", ");
            int i = 0;
            while (i < Math.min(shared, parts.length) && parts[i].equals(first[i])) {
                i++;
            }
            shared = i;
        }
        return shared == 0 ? String.join(", ", keys.stream().map(Charts::readable).toList())
                : String.join(", ", java.util.Arrays.copyOf(first, shared));
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

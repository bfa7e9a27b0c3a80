package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.workbench.api.result.Chart;
import org.workbench.api.result.ReadableNames;
import org.workbench.api.result.Series;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Charts for a run whose {@code result.json} declares no {@code layout} (written before the key
 * existed, or by a task that declares none), read from the series themselves: each top-level list of
 * flat records in {@code results} ({@link RecordTables#isRecords}) with a field that counts its
 * records (one of {@link Chart#integerX()}'s step names, else the first numeric field that rises from
 * record to record) gives one chart per kind of series, the fields grouped by their last word
 * ({@code trainLoss} and {@code testLoss} on one chart, {@code trainAccuracy} and
 * {@code testAccuracy} on another), so that numbers of one scale share an axis.
 */
final class InferredCharts {
    private static final List<String> STEPS = List.of("epoch", "step", "iteration", "round", "generation");

    private InferredCharts() {
    }

    static List<Chart> of(JsonElement results) {
        List<Chart> charts = new ArrayList<>();
        if (results == null || !results.isJsonObject()) {
            return charts;
        }
        for (Map.Entry<String, JsonElement> e : results.getAsJsonObject().entrySet()) {
            if (RecordTables.isRecords(e.getValue()) && e.getKey().matches("[A-Za-z0-9_]+")) {
                charts.addAll(of(e.getKey(), e.getValue().getAsJsonArray()));
            }
        }
        return charts;
    }

    private static List<Chart> of(String list, JsonArray records) {
        List<String> numeric = numericFields(records);
        String x = numeric.stream().filter(STEPS::contains).findFirst()
                .orElseGet(() -> numeric.stream().filter(f -> rising(records, f)).findFirst().orElse(null));
        if (x == null) {
            return List.of();
        }
        Map<String, List<Series>> groups = new LinkedHashMap<>();
        for (String field : numeric) {
            if (!field.equals(x) && field.matches("[A-Za-z0-9_]+")) {
                groups.computeIfAbsent(lastWord(field), k -> new ArrayList<>()).add(Series.of(field, ReadableNames.of(field)));
            }
        }
        String xLabel = ReadableNames.of(x);
        List<Chart> charts = new ArrayList<>();
        groups.forEach((word, series) -> charts.add(new Chart(id(list, word), capitalised(word) + " by " + xLabel, list, x,
                xLabel, word, series)));
        return charts;
    }

    /** The fields every record holds as a number or null, at least one record a number, in first-record order. */
    private static List<String> numericFields(JsonArray records) {
        List<String> fields = new ArrayList<>();
        for (String f : records.get(0).getAsJsonObject().keySet()) {
            boolean any = false;
            boolean all = true;
            for (JsonElement r : records) {
                JsonElement v = r.getAsJsonObject().get(f);
                boolean number = v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
                any |= number;
                all &= number || v == null || v.isJsonNull();
            }
            if (any && all) {
                fields.add(f);
            }
        }
        return fields;
    }

    private static boolean rising(JsonArray records, String field) {
        double last = Double.NEGATIVE_INFINITY;
        for (JsonElement r : records) {
            JsonElement v = r.getAsJsonObject().get(field);
            if (v == null || !v.isJsonPrimitive() || !(v.getAsDouble() > last)) {
                return false;
            }
            last = v.getAsDouble();
        }
        return true;
    }

    /** The field's last camel-case word, lower case: {@code trainLoss} → "loss", {@code seconds} → "seconds". */
    static String lastWord(String field) {
        String[] words = field.split("(?<=[a-z0-9])(?=[A-Z])|_");
        return words[words.length - 1].toLowerCase(Locale.ROOT);
    }

    private static String id(String list, String word) {
        String id = (list + "-" + word).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return id.matches("[a-z0-9].*") ? id : "c" + id;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

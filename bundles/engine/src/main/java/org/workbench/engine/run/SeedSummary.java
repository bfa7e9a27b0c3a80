package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.ResultTree;
import org.workbench.engine.descriptor.SweepAxis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The summary over the replications of a sweep with a {@code seed} axis: the points are grouped by
 * their other sweep values, and every number in their results (at the same dotted path, outside
 * lists) gets {@code {n, mean, sd, stderr, min, max}} over the group's seeds. {@code sd} is the
 * sample standard deviation (n - 1 in the denominator) and {@code stderr} = sd / sqrt(n).
 * Written to {@code result.json} as {@code summary}: one entry per group, {@code {set, seeds, results}}.
 */
final class SeedSummary {
    private SeedSummary() {
    }

    static JsonArray of(List<PointOutcome> outcomes) {
        Map<String, List<PointOutcome>> groups = new LinkedHashMap<>();
        Map<String, JsonObject> sets = new LinkedHashMap<>();
        for (PointOutcome o : outcomes) {
            JsonObject set = new JsonObject();
            o.point().set().forEach((k, v) -> {
                if (!k.equals(SweepAxis.SEED)) {
                    set.add(k, v);
                }
            });
            String key = set.toString();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            sets.putIfAbsent(key, set);
        }
        JsonArray out = new JsonArray();
        groups.forEach((key, members) -> {
            JsonObject group = new JsonObject();
            group.add("set", sets.get(key));
            JsonArray seeds = new JsonArray();
            members.forEach(m -> seeds.add(m.point().set().get(SweepAxis.SEED)));
            group.add("seeds", seeds);
            // primitive columns: 100,000 seeds of 35 results kept as boxed numbers took 84 MB at the end of a sweep
            Map<String, Column> numbers = new LinkedHashMap<>();
            for (PointOutcome m : members) {
                collect("", m.results(), numbers);
            }
            JsonObject results = new JsonObject();
            numbers.forEach((path, values) -> {
                if (values.size == members.size()) {
                    put(results, path, statistics(values.values, values.size));
                }
            });
            group.add("results", results);
            out.add(group);
        });
        return out;
    }

    /** A growing column of doubles. */
    private static final class Column {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    private static void collect(String prefix, ResultTree tree, Map<String, Column> numbers) {
        tree.entries().forEach((k, v) -> {
            String path = prefix + k;
            if (v instanceof ResultTree t) {
                collect(path + ".", t, numbers);
            } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                numbers.computeIfAbsent(path, x -> new Column()).add(n.doubleValue());
            }
        });
    }

    static JsonObject statistics(List<Double> values) {
        return statistics(values.stream().mapToDouble(Double::doubleValue).toArray(), values.size());
    }

    /** The statistics of the first {@code n} values, summed in their order. */
    static JsonObject statistics(double[] values, int n) {
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            mean += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            ss += (v - mean) * (v - mean);
        }
        JsonObject s = new JsonObject();
        s.addProperty("n", n);
        s.addProperty("mean", mean);
        if (n > 1) {
            double sd = Math.sqrt(ss / (n - 1));
            s.addProperty("sd", sd);
            s.addProperty("stderr", sd / Math.sqrt(n));
        } else {
            s.add("sd", com.google.gson.JsonNull.INSTANCE);
            s.addProperty("sdReason", "one replication has no spread");
            s.add("stderr", com.google.gson.JsonNull.INSTANCE);
            s.addProperty("stderrReason", "one replication has no spread");
        }
        s.addProperty("min", min);
        s.addProperty("max", max);
        return s;
    }

    private static void put(JsonObject root, String path, JsonElement value) {
        String[] parts = path.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!node.has(parts[i]) || !node.get(parts[i]).isJsonObject()) {
                node.add(parts[i], new JsonObject());
            }
            node = node.getAsJsonObject(parts[i]);
        }
        node.add(parts[parts.length - 1], value);
    }
}

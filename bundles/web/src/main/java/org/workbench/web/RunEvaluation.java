package org.workbench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The {@code evaluation.json} that {@code ./workbench evaluate} wrote into a run's folder, as the
 * run page shows it: the checkpoint, test loss and accuracy, and the confusion matrix.
 */
final class RunEvaluation {
    static final String FILE = "evaluation.json";

    private RunEvaluation() {
    }

    /**
     * The page models of every readable evaluation of the run in {@code folder}: its own, then those of
     * its sweep points ({@code points/N/evaluation.json}) in point order, each with its {@code id} and,
     * for a point, its {@code point} label.
     */
    static List<Map<String, Object>> all(Path folder) {
        List<Map<String, Object>> out = new ArrayList<>();
        of(folder).ifPresent(m -> {
            m.put("id", "run-evaluation");
            out.add(m);
        });
        Path points = folder.resolve("points");
        if (!Files.isDirectory(points)) {
            return out;
        }
        List<Integer> indices = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(points)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{1,9}")).map(Integer::valueOf).sorted()
                    .forEach(indices::add);
        } catch (IOException unreadable) {
            return out;
        }
        for (int i : indices) {
            of(points.resolve(Integer.toString(i))).ifPresent(m -> {
                m.put("id", "run-evaluation-point-" + i);
                m.put("point", "point " + i + (m.get("set") == null ? "" : " " + m.get("set")));
                out.add(m);
            });
        }
        return out;
    }

    /** The page model of the evaluation in {@code folder} (a run's or a point's), if it has a readable one. */
    static Optional<Map<String, Object>> of(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checkpoint", e.get("checkpoint").getAsString());
            m.put("epoch", e.get("epoch").getAsLong());
            m.put("examples", e.get("examples").getAsLong());
            m.put("testLoss", String.format(Locale.ROOT, "%.4f", e.get("testLoss").getAsDouble()));
            m.put("testAccuracy", String.format(Locale.ROOT, "%.4f", e.get("testAccuracy").getAsDouble()));
            List<String> data = new ArrayList<>();
            if (e.has("data")) {
                e.getAsJsonArray("data").forEach(d -> data.add(d.getAsString()));
            }
            m.put("data", String.join(", ", data));
            if (e.has("set") && e.get("set").isJsonObject()) {
                List<String> set = new ArrayList<>();
                e.getAsJsonObject("set").entrySet().forEach(v -> set.add(v.getKey() + "=" + v.getValue()));
                m.put("set", "(" + String.join(", ", set) + ")");
            }
            JsonArray matrix = e.getAsJsonArray("confusion");
            List<Integer> classes = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < matrix.size(); i++) {
                classes.add(i);
                List<Long> counts = new ArrayList<>();
                for (JsonElement v : matrix.get(i).getAsJsonArray()) {
                    counts.add(v.getAsLong());
                }
                rows.add(Map.of("label", i, "counts", counts));
            }
            m.put("classes", classes);
            m.put("rows", rows);
            return Optional.of(m);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}

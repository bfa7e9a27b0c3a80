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

    /** The page model of the run in {@code folder}'s evaluation, if it has a readable one. */
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

package org.workbench.engine.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Reads one result folder into a {@link StoredRun}: the run's fields from {@code result.json}, every
 * effective parameter from its provenance ({@code prior.scale}, {@code task.replications}), each
 * component's provider and version ({@code prior.use}, {@code prior.version}), every scalar result
 * under {@code results.} (a one-element array counts as its element; longer arrays and matrices stay
 * in the folder), a sweep's points with their settings, and the tags and notes beside it. The only
 * place the store reads {@code result.json}.
 */
final class ResultFolderReader {
    static final String RESULT = "result.json";
    private static final int DEPTH = 8;

    private ResultFolderReader() {
    }

    /**
     * @param folder    a run folder {@code <results>/<experiment>/<run-id>}
     * @param signature its signature now ({@link FolderScan#signature})
     */
    static StoredRun read(Path folder, String signature) throws IOException {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(folder.resolve(RESULT), StandardCharsets.UTF_8)) {
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                throw new IOException(folder.resolve(RESULT) + ": not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(folder.resolve(RESULT) + ": not valid JSON: " + e.getMessage(), e);
        }
        String experiment = folder.getParent().getFileName().toString();
        String runId = folder.getFileName().toString();
        JsonObject provenance = object(root, "provenance");
        List<StoredRun.Value> values = new ArrayList<>();
        Set<String> swept = new HashSet<>();
        List<String> labels = new ArrayList<>();
        JsonArray points = root.has("points") && root.get("points").isJsonArray() ? root.getAsJsonArray("points")
                : new JsonArray();
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).isJsonObject()) {
                continue;
            }
            JsonObject point = points.get(i).getAsJsonObject();
            JsonObject set = object(point, "set");
            List<String> label = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : set.entrySet()) {
                swept.add(e.getKey());
                flatten(values, i + 1, e.getKey(), e.getValue(), 0);
                wholeComponent(values, swept, i + 1, e.getKey(), e.getValue());
                label.add(e.getKey() + "=" + text(e.getValue()));
            }
            labels.add(String.join(" ", label));
            pointComponents(values, swept, i + 1, object(point, "components"));
            if (point.has("seed")) {
                flatten(values, i + 1, "seed", point.get("seed"), 0);
            }
            flatten(values, i + 1, "results", object(point, "results"), 0);
        }
        if (points.size() > 0) {
            swept.add("seed");
        }
        List<StoredRun.Value> whole = new ArrayList<>();
        parameters(whole, "task", object(provenance, "task"));
        for (Map.Entry<String, JsonElement> role : object(provenance, "components").entrySet()) {
            if (role.getValue().isJsonObject()) {
                parameters(whole, role.getKey(), role.getValue().getAsJsonObject());
            } else if (role.getValue().isJsonArray()) {
                JsonArray list = role.getValue().getAsJsonArray();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).isJsonObject()) {
                        parameters(whole, role.getKey() + "." + i, list.get(i).getAsJsonObject());
                    }
                }
            }
        }
        if (root.has("seed")) {
            flatten(whole, 0, "seed", root.get("seed"), 0);
        }
        flatten(whole, 0, "results", object(root, "results"), 0);
        Set<String> perPoint = new HashSet<>();
        object(provenance, "components").entrySet().stream()
                .filter(e -> e.getValue().isJsonObject() && e.getValue().getAsJsonObject().has("perPoint"))
                .forEach(e -> perPoint.add(e.getKey() + "."));
        for (StoredRun.Value v : whole) {
            if (swept.contains(v.key())) {
                continue;
            }
            if (perPoint.stream().anyMatch(v.key()::startsWith)) {
                // a role whose provider the sweep chooses: provenance holds the first point's parameters
                if (points.size() > 0) {
                    values.add(new StoredRun.Value(1, v.key(), v.num(), v.txt()));
                }
            } else {
                values.add(v);
            }
        }
        List<String> overrides = new ArrayList<>();
        if (provenance.has("overrides") && provenance.get("overrides").isJsonArray()) {
            provenance.getAsJsonArray("overrides").forEach(o -> overrides.add(text(o)));
        }
        String descriptor = string(provenance, "descriptor");
        boolean homework = overrides.isEmpty() && descriptor != null
                && (descriptor.startsWith("experiments/") || descriptor.contains("/experiments/"));
        Double duration = provenance.has("durationMs") && provenance.get("durationMs").isJsonPrimitive()
                && provenance.getAsJsonPrimitive("durationMs").isNumber()
                        ? provenance.get("durationMs").getAsDouble() : null;
        return new StoredRun(experiment + "/" + runId, folder.toAbsolutePath().normalize().toString(), experiment, runId,
                string(root, "status"), string(root, "task"), clip(string(root, "title")),
                string(provenance, "startedAt"), duration, homework,
                overrides.isEmpty() ? null : clip(String.join(" ", overrides)), RunAnnotations.tags(folder),
                RunAnnotations.notes(folder), signature, points.size(), labels, values);
    }

    /**
     * The providers a component sweep's point ran ({@code points[i].components}: label to name and
     * version) as {@code ROLE.use} and {@code ROLE.version} of that point.
     */
    private static void pointComponents(List<StoredRun.Value> values, Set<String> swept, int point,
            JsonObject components) {
        for (Map.Entry<String, JsonElement> c : components.entrySet()) {
            if (!c.getValue().isJsonObject()) {
                continue;
            }
            JsonObject ran = c.getValue().getAsJsonObject();
            String role = c.getKey().replace('[', '.').replace("]", "");
            for (String[] field : new String[][] { { "name", ".use" }, { "version", ".version" } }) {
                if (ran.has(field[0])) {
                    values.removeIf(v -> v.point() == point && v.key().equals(role + field[1]));
                    flatten(values, point, role + field[1], ran.get(field[0]), DEPTH);
                    swept.add(role + field[1]);
                }
            }
        }
    }

    /**
     * A point that sets a whole component ({@code "prior": {"use": "laplace", "with": {"scale": 0.5}}})
     * also gives its parameters as {@code prior.scale}, as a run of that provider has them.
     */
    private static void wholeComponent(List<StoredRun.Value> values, Set<String> swept, int point, String role,
            JsonElement set) {
        if (role.contains(".") || !set.isJsonObject() || !set.getAsJsonObject().has("use")) {
            return;
        }
        for (Map.Entry<String, JsonElement> p : object(set.getAsJsonObject(), "with").entrySet()) {
            flatten(values, point, role + "." + p.getKey(), p.getValue(), 1);
            swept.add(role + "." + p.getKey());
        }
    }

    private static void parameters(List<StoredRun.Value> values, String role, JsonObject component) {
        if (component.has("name")) {
            flatten(values, 0, role + ".use", component.get("name"), DEPTH);
        }
        if (component.has("version")) {
            flatten(values, 0, role + ".version", component.get("version"), DEPTH);
        }
        for (Map.Entry<String, JsonElement> p : object(component, "parameters").entrySet()) {
            flatten(values, 0, role + "." + p.getKey(), p.getValue(), 1);
        }
    }

    /** Adds the scalars under {@code value} as {@code key.sub.sub}. */
    private static void flatten(List<StoredRun.Value> out, int point, String key, JsonElement value, int depth) {
        if (key.length() > StoreSchema.KEY_LENGTH || value == null || value.isJsonNull()) {
            return;
        }
        if (value.isJsonArray() && value.getAsJsonArray().size() == 1) {
            flatten(out, point, key, value.getAsJsonArray().get(0), depth);
        } else if (value.isJsonObject() && depth < DEPTH) {
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                flatten(out, point, key + "." + e.getKey(), e.getValue(), depth + 1);
            }
        } else if (value.isJsonPrimitive()) {
            JsonPrimitive p = value.getAsJsonPrimitive();
            if (p.isNumber()) {
                double d = p.getAsDouble();
                if (Double.isFinite(d)) {
                    out.add(new StoredRun.Value(point, key, d, null));
                }
            } else if (p.isBoolean()) {
                out.add(new StoredRun.Value(point, key, null, Boolean.toString(p.getAsBoolean())));
            } else if (p.getAsString().length() <= StoreSchema.TEXT_LENGTH) {
                out.add(new StoredRun.Value(point, key, null, p.getAsString()));
            }
        }
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static String string(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String text(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static String clip(String s) {
        return s == null || s.length() <= StoreSchema.TEXT_LENGTH ? s : s.substring(0, StoreSchema.TEXT_LENGTH);
    }
}

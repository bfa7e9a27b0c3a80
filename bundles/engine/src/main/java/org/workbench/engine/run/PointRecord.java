package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.engine.output.JsonValues;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A finished sweep point as JSON text: what a member sends back (with the bytes of the files it
 * wrote) and what the result folder keeps, point by point, so that an interrupted sweep resumes
 * with exactly the numbers it had.
 */
final class PointRecord {
    private PointRecord() {
    }

    /** The outcome as JSON; {@code folder} (when not null) is read for the bytes of its artifacts. */
    static JsonObject write(PointOutcome o, String member, Path resultFolder) throws IOException {
        JsonObject r = new JsonObject();
        r.addProperty("index", o.point().index());
        r.addProperty("seed", o.point().seed());
        r.add("results", com.google.gson.JsonParser.parseString(o.resultsJson()));
        r.add("artifacts", JsonValues.value(o.artifacts()));
        r.add("seeds", JsonValues.value(o.seeds()));
        JsonArray swaps = new JsonArray();
        for (Swap s : o.swaps()) {
            JsonObject j = new JsonObject();
            j.addProperty("atMs", s.atMs());
            j.addProperty("role", s.role());
            j.addProperty("fromBundle", s.fromBundle());
            j.addProperty("fromVersion", s.fromVersion());
            j.addProperty("toBundle", s.toBundle());
            j.addProperty("toVersion", s.toVersion());
            j.addProperty("costMicros", s.costMicros());
            j.addProperty("name", s.name());
            if (s.at() != null) {
                j.addProperty("at", s.at());
            }
            j.addProperty("check", s.check());
            j.add("parameters", s.parameters());
            swaps.add(j);
        }
        r.add("swaps", swaps);
        r.addProperty("durationMs", o.durationMs());
        JsonArray inputs = new JsonArray();
        for (InputRecord i : o.inputs()) {
            JsonObject j = new JsonObject();
            j.addProperty("role", i.role());
            j.addProperty("path", i.path());
            j.addProperty("generated", i.generated());
            j.addProperty("sha256", i.sha256());
            j.addProperty("bytes", i.bytes());
            j.addProperty("rows", i.rows());
            j.addProperty("columns", i.columns());
            j.addProperty("seed", i.seed());
            j.addProperty("artifact", i.artifact());
            inputs.add(j);
        }
        r.add("inputs", inputs);
        JsonArray plotIssues = new JsonArray();
        for (PlotIssue i : o.plotIssues()) {
            JsonObject j = new JsonObject();
            j.addProperty("plot", i.plot());
            j.addProperty("series", i.series());
            j.addProperty("drawn", i.drawn());
            j.addProperty("text", i.text());
            plotIssues.add(j);
        }
        r.add("plotIssues", plotIssues);
        r.addProperty("member", member);
        if (resultFolder != null) {
            JsonObject files = new JsonObject();
            List<String> travelling = new ArrayList<>(o.artifacts());
            o.inputs().stream().map(InputRecord::artifact).filter(a -> a != null).forEach(travelling::add);
            for (String artifact : travelling) {
                files.addProperty(artifact, Base64.getEncoder().encodeToString(Files.readAllBytes(
                        resultFolder.resolve(artifact))));
            }
            r.add("files", files);
        }
        return r;
    }

    /** Writes the files a member sent into the result folder, refusing paths that leave it. */
    static void unpackFiles(JsonObject record, Path resultFolder) throws IOException {
        JsonElement files = record.remove("files");
        if (files == null || !files.isJsonObject()) {
            return;
        }
        Path root = resultFolder.toAbsolutePath().normalize();
        for (Map.Entry<String, JsonElement> e : files.getAsJsonObject().entrySet()) {
            Path target = root.resolve(e.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException("a member sent a file outside the result folder: " + e.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, Base64.getDecoder().decode(e.getValue().getAsString()));
        }
    }

    /** The outcome of {@code point} from its record. */
    static PointOutcome read(JsonObject r, PlanPoint point) {
        List<String> artifacts = new ArrayList<>();
        r.getAsJsonArray("artifacts").forEach(a -> artifacts.add(a.getAsString()));
        Map<String, Long> seeds = new LinkedHashMap<>();
        // the labels are the same few at every point: one string each, not one per point
        r.getAsJsonObject("seeds").entrySet().forEach(e -> seeds.put(e.getKey().intern(), e.getValue().getAsLong()));
        List<Swap> swaps = new ArrayList<>();
        for (JsonElement e : r.getAsJsonArray("swaps")) {
            JsonObject j = e.getAsJsonObject();
            swaps.add(new Swap(j.get("atMs").getAsLong(), j.get("role").getAsString(), j.get("fromBundle").getAsString(),
                    j.get("fromVersion").getAsString(), j.get("toBundle").getAsString(),
                    j.get("toVersion").getAsString(), j.get("costMicros").getAsLong(), text(j, "name"), text(j, "at"),
                    j.has("check") ? j.get("check").getAsInt() : 1,
                    j.has("parameters") ? j.getAsJsonObject("parameters") : new JsonObject()));
        }
        List<InputRecord> inputs = new ArrayList<>();
        if (r.has("inputs")) {
            for (JsonElement e : r.getAsJsonArray("inputs")) {
                JsonObject j = e.getAsJsonObject();
                inputs.add(new InputRecord(text(j, "role"), text(j, "path"), text(j, "generated"), text(j, "sha256"),
                        j.get("bytes").getAsLong(), j.get("rows").getAsInt(), j.get("columns").getAsInt(),
                        j.has("seed") && !j.get("seed").isJsonNull() ? j.get("seed").getAsLong() : null,
                        text(j, "artifact")));
            }
        }
        List<PlotIssue> plotIssues = new ArrayList<>();
        if (r.has("plotIssues")) {
            for (JsonElement e : r.getAsJsonArray("plotIssues")) {
                JsonObject j = e.getAsJsonObject();
                plotIssues.add(new PlotIssue(text(j, "plot"), text(j, "series"), j.get("drawn").getAsBoolean(),
                        text(j, "text")));
            }
        }
        return new PointOutcome(point, r.getAsJsonObject("results").toString(), artifacts, seeds, swaps,
                r.get("durationMs").getAsLong(), inputs, plotIssues);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static String member(JsonObject r) {
        return r.has("member") ? r.get("member").getAsString() : "local";
    }
}

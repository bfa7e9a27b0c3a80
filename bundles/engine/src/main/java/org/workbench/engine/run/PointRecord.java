package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        o.swaps().forEach(s -> swaps.add(SwapJson.write(s)));
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
            j.addProperty("hash", i.hash());
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
        JsonArray plots = new JsonArray();
        for (DrawnPlot p : o.plots()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", p.name());
            j.addProperty("title", p.title());
            j.add("files", JsonValues.value(p.files()));
            plots.add(j);
        }
        r.add("plots", plots);
        r.addProperty("member", member);
        if (resultFolder != null) {
            r.add("files", PointFiles.pack(travelling(o), resultFolder));
        }
        return r;
    }

    /** The point's artifacts and the inputs it kept: the files that travel with its record. */
    private static List<String> travelling(PointOutcome o) {
        List<String> travelling = new ArrayList<>(o.artifacts());
        o.inputs().stream().map(InputRecord::artifact).filter(a -> a != null).forEach(travelling::add);
        return travelling;
    }

    /**
     * Writes the files a member sent with the record of the point in {@code relative} ("points/3/", or
     * "" for a run of one point) into the result folder ({@link PointFiles#unpack}: only the point's
     * listed artifacts, inside its folder, within the size bound, with the SHA-256 they were sent
     * with), and removes them from the record.
     */
    static void unpackFiles(JsonObject record, Path resultFolder, String relative) throws IOException {
        JsonElement files = record.remove("files");
        java.util.Set<String> listed = new java.util.HashSet<>();
        JsonElement artifacts = record.get("artifacts");
        if (artifacts != null && artifacts.isJsonArray()) {
            artifacts.getAsJsonArray().forEach(a -> listed.add(a.getAsString()));
        }
        JsonElement inputs = record.get("inputs");
        if (inputs != null && inputs.isJsonArray()) {
            inputs.getAsJsonArray().forEach(i -> {
                JsonElement a = i.getAsJsonObject().get("artifact");
                if (a != null && !a.isJsonNull()) {
                    listed.add(a.getAsString());
                }
            });
        }
        PointFiles.unpack(files, listed, resultFolder, relative, PointFiles.MAX_POINT_BYTES);
    }

    /** The outcome of {@code point} from its record. */
    static PointOutcome read(JsonObject r, PlanPoint point) {
        List<String> artifacts = new ArrayList<>();
        r.getAsJsonArray("artifacts").forEach(a -> artifacts.add(a.getAsString()));
        Map<String, Long> seeds = new LinkedHashMap<>();
        // the labels are the same few at every point: one string each, not one per point
        r.getAsJsonObject("seeds").entrySet().forEach(e -> seeds.put(e.getKey().intern(), e.getValue().getAsLong()));
        List<Swap> swaps = new ArrayList<>();
        r.getAsJsonArray("swaps").forEach(e -> swaps.add(SwapJson.read(e.getAsJsonObject())));
        List<InputRecord> inputs = new ArrayList<>();
        if (r.has("inputs")) {
            for (JsonElement e : r.getAsJsonArray("inputs")) {
                JsonObject j = e.getAsJsonObject();
                // the role, table name and hash are the same few strings at every point: one copy each
                inputs.add(new InputRecord(interned(j, "role"), text(j, "path"), interned(j, "generated"), text(j, "sha256"),
                        j.get("bytes").getAsLong(), j.get("rows").getAsInt(), j.get("columns").getAsInt(),
                        j.has("seed") && !j.get("seed").isJsonNull() ? j.get("seed").getAsLong() : null,
                        text(j, "artifact"), hash(j)));
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
        List<DrawnPlot> plots = new ArrayList<>();
        if (r.has("plots")) { // a point kept before plots were recorded has none: its files are still in artifacts
            for (JsonElement e : r.getAsJsonArray("plots")) {
                JsonObject j = e.getAsJsonObject();
                List<String> files = new ArrayList<>();
                j.getAsJsonArray("files").forEach(f -> files.add(f.getAsString()));
                plots.add(new DrawnPlot(text(j, "name"), text(j, "title"), files));
            }
        }
        return new PointOutcome(point, r.getAsJsonObject("results").toString(), artifacts, seeds, swaps,
                r.get("durationMs").getAsLong(), inputs, plotIssues, plots);
    }

    /** What a generated input's hash is of; a record kept before it said so hashed the table's CSV. */
    private static String hash(JsonObject j) {
        String hash = text(j, "hash");
        return hash != null ? hash.intern() : text(j, "generated") == null ? null : InputRecord.CSV_HASH;
    }

    private static String interned(JsonObject o, String key) {
        String text = text(o, key);
        return text == null ? null : text.intern();
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static String member(JsonObject r) {
        return r.has("member") ? r.get("member").getAsString() : "local";
    }
}

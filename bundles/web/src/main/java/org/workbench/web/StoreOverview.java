package org.workbench.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@link RunIndex#overview} from the engine's run store ({@code run-summary}, docs/web.md): the store
 * names each experiment's newest runs that it marks homework (no overrides, a descriptor under
 * {@code experiments/}), and this reads their folders newest first until one is a homework run by the
 * pages' own rule (also: the descriptor it ran is the current file, and no third-party code), asking
 * the store for older candidates only when all it named were turned down. So a page reads one folder
 * per experiment, not every run (until a descriptor is edited: then its older runs are read once, newest
 * first, until one ran the current file). The ad hoc count is the store's (overrides, or a descriptor
 * from outside {@code experiments/}: the runs table's Kind column and its {@code homework = false}), the
 * same on every request whichever run answers; a run of an edited descriptor is neither.
 */
final class StoreOverview {
    /** How many older candidates to ask for once the first is turned down. */
    static final int MORE = 16;
    /** The most candidates asked for at once (the engine's limit). */
    static final int MOST = 1_000;

    private final Function<String, String> summary;
    private final RunIndex index;

    StoreOverview(Function<String, String> summary, RunIndex index) {
        this.summary = summary;
        this.index = index;
    }

    /** The overview, or empty when the store cannot answer (no store in the results folder, or it failed): the folders answer then. */
    Optional<RunIndex.Overview> of(List<String> names) throws IOException {
        JsonObject answer = ask(names, 1, Map.of());
        if (answer == null) {
            return Optional.empty();
        }
        Map<String, String> hashes = index.hashes();
        Map<String, RunIndex.ExperimentStatus> each = new LinkedHashMap<>();
        for (String name : names) {
            JsonObject e = answer.getAsJsonObject("experiments").getAsJsonObject(name);
            Optional<RunRecord> found = latest(name, e, hashes);
            if (found == null) {
                return Optional.empty();
            }
            each.put(name, new RunIndex.ExperimentStatus(found, e.get("adHoc").getAsLong()));
        }
        return Optional.of(new RunIndex.Overview(answer.get("runs").getAsLong(), each));
    }

    /** The newest candidate that is a homework run by the pages' rule; null when the store stopped answering. */
    private Optional<RunRecord> latest(String name, JsonObject experiment, Map<String, String> hashes) {
        JsonArray candidates = experiment.getAsJsonArray("homework");
        int asked = 1;
        while (!candidates.isEmpty()) {
            String last = null;
            for (JsonElement id : candidates) {
                last = id.getAsString();
                Optional<RunRecord> run = index.find(name, last, hashes);
                if (run.isPresent() && run.get().homework()) {
                    return run;
                }
            }
            if (candidates.size() < asked) {
                break;
            }
            // a descriptor edited since its runs turns them all down: ask for more each time
            asked = asked < MORE ? MORE : Math.min(asked * 4, MOST);
            JsonObject older = ask(List.of(name), asked, Map.of(name, last));
            if (older == null) {
                return null;
            }
            candidates = older.getAsJsonObject("experiments").getAsJsonObject(name).getAsJsonArray("homework");
        }
        return Optional.empty();
    }

    /** The newest runs the store names, read from their folders; empty when the store cannot answer. */
    Optional<RunIndex.Newest> newest(int n) throws IOException {
        JsonObject answer = ask(List.of(), 0, Map.of(), n);
        if (answer == null || !answer.has("newest")) {
            return Optional.empty();
        }
        Map<String, String> hashes = index.hashes();
        List<RunRecord> runs = new java.util.ArrayList<>();
        for (JsonElement id : answer.getAsJsonArray("newest")) {
            String[] parts = id.getAsString().split("/", 2);
            if (parts.length == 2) {
                index.find(parts[0], parts[1], hashes).ifPresent(runs::add);
            }
        }
        runs.sort(java.util.Comparator.comparing(RunRecord::runId).reversed());
        return Optional.of(new RunIndex.Newest(List.copyOf(runs), answer.get("runs").getAsLong()));
    }

    private JsonObject ask(List<String> names, int homework, Map<String, String> before) {
        return ask(names, homework, before, 0);
    }

    /** The store's answer, or null when it has none (unavailable or failed). */
    private JsonObject ask(List<String> names, int homework, Map<String, String> before, int newest) {
        JsonObject q = new JsonObject();
        JsonArray list = new JsonArray();
        names.forEach(list::add);
        q.add("experiments", list);
        q.addProperty("homework", homework);
        JsonObject b = new JsonObject();
        before.forEach(b::addProperty);
        q.add("before", b);
        if (newest > 0) {
            q.addProperty("newest", newest);
        }
        try {
            JsonObject a = JsonParser.parseString(summary.apply(q.toString())).getAsJsonObject();
            return a.has("experiments") ? a : null;
        } catch (RuntimeException e) {
            return null; // the service went away as the server stopped: the folders answer
        }
    }
}

package org.workbench.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The checkpoints one sweep point saves ({@code TaskContext.checkpoint}): their names are recorded
 * under {@code .sweep/checkpoints/<point>.json} in the unfinished folder as the task asks for them,
 * so that an interrupted run keeps the folder and those files ({@link SweepFolder#pruneUnfinished}),
 * and a {@code --resume} of it hands the ones that exist back to the task. Each name is recorded with
 * the hot swaps made before it was saved, and the record also keeps every swap as it is made: which
 * provider version produced the epochs up to each checkpoint, so that a resume continues with the
 * versions in use at the newest one ({@link ResumedVersions}). A point that runs on a cluster member
 * keeps nothing ({@link #NONE}).
 *
 * <p>The record: {@code {"checkpoints": [{"file": NAME, "swaps": [SWAP...]}...], "swaps": [SWAP...]}};
 * the array of names that earlier versions wrote still reads (as checkpoints without swaps).
 */
final class Checkpoints {
    /** Records nothing and keeps nothing: a point run where no resume can reach it. */
    static final Checkpoints NONE = new Checkpoints(null, null, new Record(new LinkedHashMap<>(), List.of()));
    private final SweepFolder owner;
    private final Path record;
    private final Map<String, List<Swap>> saved;
    private final List<Swap> swaps;
    private final Record kept;

    private Checkpoints(SweepFolder owner, Path record, Record read) {
        this.owner = owner;
        this.record = record;
        this.saved = new LinkedHashMap<>(read.checkpoints());
        this.swaps = new ArrayList<>(read.swaps());
        this.kept = read;
    }

    /**
     * What a record says.
     *
     * @param checkpoints the file names (relative to the run folder) in the order they were first saved,
     *                    each with the swaps made before it was saved
     * @param swaps       every swap the point made, in order
     */
    record Record(Map<String, List<Swap>> checkpoints, List<Swap> swaps) {
        /** The checkpoint files that exist under {@code folder}, in the order they were first saved. */
        List<String> existing(Path folder) {
            return checkpoints.keySet().stream().filter(n -> Files.isRegularFile(folder.resolve(n))).toList();
        }

        /** The swaps made before the newest checkpoint that exists under {@code folder} (none without one). */
        List<Swap> atNewest(Path folder) {
            List<String> files = existing(folder);
            return files.isEmpty() ? List.of() : checkpoints.get(files.get(files.size() - 1));
        }

        /**
         * The provider version of every role the point ever swapped, as it was when the newest checkpoint
         * under {@code folder} was saved: the version swapped in last before it, or the role's first
         * version when it was swapped only later (or no checkpoint exists).
         */
        Map<String, String> versionsAtNewest(Path folder) {
            Map<String, String> out = new LinkedHashMap<>();
            swaps.forEach(s -> out.putIfAbsent(s.role(), s.fromVersion()));
            atNewest(folder).forEach(s -> out.put(s.role(), s.toVersion()));
            return out;
        }
    }

    /** The record of point {@code index} in {@code owner}, with what an interrupted attempt left. */
    static Checkpoints of(SweepFolder owner, int index) throws IOException {
        Path record = recordOf(owner.folder(), index);
        return new Checkpoints(owner, record, read(record));
    }

    /** Where the record of point {@code index} of the run folder {@code folder} is. */
    static Path recordOf(Path folder, int index) {
        return folder.resolve(SweepFolder.STATE).resolve("checkpoints").resolve(index + ".json");
    }

    /** What a record says, or nothing when it is missing. Names that would leave the run folder are dropped. */
    static Record read(Path record) throws IOException {
        Map<String, List<Swap>> checkpoints = new LinkedHashMap<>();
        List<Swap> swaps = new ArrayList<>();
        if (!Files.isRegularFile(record)) {
            return new Record(checkpoints, swaps);
        }
        JsonElement doc = JsonParser.parseString(Files.readString(record, StandardCharsets.UTF_8));
        JsonArray entries = doc.isJsonArray() ? doc.getAsJsonArray() : doc.getAsJsonObject().getAsJsonArray("checkpoints");
        for (JsonElement e : entries) {
            String name = e.isJsonPrimitive() ? e.getAsString() : e.getAsJsonObject().get("file").getAsString();
            if (name.contains("..") || name.startsWith("/")) {
                continue;
            }
            checkpoints.put(name, e.isJsonPrimitive() ? List.of() : swaps(e.getAsJsonObject().getAsJsonArray("swaps")));
        }
        if (doc.isJsonObject() && doc.getAsJsonObject().has("swaps")) {
            swaps.addAll(swaps(doc.getAsJsonObject().getAsJsonArray("swaps")));
        }
        return new Record(checkpoints, swaps);
    }

    private static List<Swap> swaps(JsonArray a) {
        List<Swap> out = new ArrayList<>();
        if (a != null) {
            a.forEach(s -> out.add(SwapJson.read(s.getAsJsonObject())));
        }
        return out;
    }

    /**
     * The checkpoint files an interrupted attempt of this point left whole (relative to the run
     * folder), in the order they were first saved.
     */
    List<String> kept() {
        return owner == null ? List.of() : kept.existing(owner.folder());
    }

    /**
     * The swaps an interrupted attempt had made before it saved the newest checkpoint it left: the
     * provider versions a resumed attempt continues with.
     */
    List<Swap> resumedSwaps() {
        return owner == null ? List.of() : kept.atNewest(owner.folder());
    }

    /** {@link Record#versionsAtNewest} of what an interrupted attempt of this point left. */
    Map<String, String> resumedVersions() {
        return owner == null ? Map.of() : kept.versionsAtNewest(owner.folder());
    }

    /** Records that the task writes checkpoint {@code relativeName} (relative to the run folder) after {@code made}. */
    synchronized void saving(String relativeName, List<Swap> made) {
        if (owner == null) {
            return;
        }
        saved.put(relativeName, List.copyOf(made));
        write("could not record checkpoint " + relativeName);
    }

    /** Records every swap made so far (the newest last). */
    synchronized void swapped(List<Swap> made) {
        if (owner == null) {
            return;
        }
        swaps.clear();
        swaps.addAll(made);
        write("could not record the hot swap");
    }

    private void write(String what) {
        JsonArray entries = new JsonArray();
        saved.forEach((name, made) -> {
            JsonObject e = new JsonObject();
            e.addProperty("file", name);
            JsonArray a = new JsonArray();
            made.forEach(s -> a.add(SwapJson.write(s)));
            e.add("swaps", a);
            entries.add(e);
        });
        JsonArray all = new JsonArray();
        swaps.forEach(s -> all.add(SwapJson.write(s)));
        JsonObject doc = new JsonObject();
        doc.add("checkpoints", entries);
        doc.add("swaps", all);
        try {
            owner.writeAtomically(record, doc.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        }
    }
}

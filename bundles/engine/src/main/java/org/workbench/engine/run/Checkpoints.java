package org.workbench.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * The checkpoints one sweep point saves ({@code TaskContext.checkpoint}): their names are recorded
 * under {@code .sweep/checkpoints/<point>.json} in the unfinished folder as the task asks for them,
 * so that an interrupted run keeps the folder and those files ({@link SweepFolder#pruneUnfinished}),
 * and a {@code --resume} of it hands the ones that exist back to the task. A point that runs on a
 * cluster member keeps nothing ({@link #NONE}).
 */
final class Checkpoints {
    /** Records nothing and keeps nothing: a point run where no resume can reach it. */
    static final Checkpoints NONE = new Checkpoints(null, null, List.of());
    private final SweepFolder owner;
    private final Path record;
    private final List<String> names;
    private final List<String> kept;

    private Checkpoints(SweepFolder owner, Path record, List<String> names) {
        this.owner = owner;
        this.record = record;
        this.names = new ArrayList<>(names);
        this.kept = List.copyOf(names);
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

    /** The file names (relative to the run folder) that a record lists, or none when it is missing. */
    static List<String> read(Path record) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(record)) {
            return out;
        }
        for (JsonElement e : JsonParser.parseString(Files.readString(record, StandardCharsets.UTF_8)).getAsJsonArray()) {
            String name = e.getAsString();
            if (!name.contains("..") && !name.startsWith("/")) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The checkpoint files an interrupted attempt of this point left whole (relative to the run
     * folder), in the order they were first saved.
     */
    List<String> kept() {
        if (owner == null) {
            return List.of();
        }
        return kept.stream().filter(n -> Files.isRegularFile(owner.folder().resolve(n))).toList();
    }

    /** Records that the task writes checkpoint {@code relativeName} (relative to the run folder). */
    synchronized void saving(String relativeName) {
        if (owner == null || names.contains(relativeName)) {
            return;
        }
        names.add(relativeName);
        JsonArray a = new JsonArray();
        names.forEach(a::add);
        try {
            owner.writeAtomically(record, a.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not record checkpoint " + relativeName, e);
        }
    }
}

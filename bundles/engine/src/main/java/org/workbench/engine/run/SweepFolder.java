package org.workbench.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The unpublished folder of a run ({@code .incomplete-<run-id>}) and what it keeps so that an
 * interrupted or partial run can resume: under {@code .sweep/}, the run's identity (its pinned
 * effective descriptor) and one record per finished point and per finished fan-out unit, each
 * written under a temporary name and renamed, so a record that exists is whole. Published whole
 * runs drop {@code .sweep/}; partial ones keep it.
 */
final class SweepFolder {
    static final String INCOMPLETE = ".incomplete-";
    static final String STATE = ".sweep";
    private final Path folder;
    private final String runId;

    private SweepFolder(Path folder, String runId) {
        this.folder = folder;
        this.runId = runId;
    }

    /** A new run's folder, recording its identity. */
    static SweepFolder create(Path experimentFolder, String runId, JsonObject identity, String startedAt)
            throws IOException {
        SweepFolder s = new SweepFolder(experimentFolder.resolve(IncompleteFolders.name(runId)), runId);
        IncompleteFolders.open(s.folder);
        Files.createDirectories(s.state());
        JsonObject run = new JsonObject();
        run.addProperty("runId", runId);
        run.addProperty("startedAt", startedAt);
        run.add("descriptor", identity);
        s.writeAtomically(s.state().resolve("run.json"), run.toString());
        return s;
    }

    /**
     * The newest interrupted ({@code .incomplete-*}) or partial (published with {@code .sweep/}) run
     * of the experiment that a resume may take over ({@link IncompleteFolders#claimable}), if any.
     */
    static Optional<Path> newestResumable(Path experimentFolder) throws IOException {
        if (!Files.isDirectory(experimentFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(experimentFolder)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(STATE).resolve("run.json")))
                    .filter(IncompleteFolders::claimable)
                    .max(Comparator.comparing(p -> p.getFileName().toString().replace(INCOMPLETE, "")));
        }
    }

    /** The identity recorded in a resumable folder. */
    static JsonObject identity(Path resumable) throws IOException {
        return run(resumable).getAsJsonObject("descriptor");
    }

    private static JsonObject run(Path resumable) throws IOException {
        return JsonParser.parseString(Files.readString(resumable.resolve(STATE).resolve("run.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /**
     * Takes over a resumable folder by renaming it to this process's unfinished name (a partial
     * published run moves back under its temporary name); the rename is the claim.
     *
     * @throws NoSuchFileException when another process took or removed the folder first
     */
    static SweepFolder reopen(Path resumable) throws IOException {
        String runId = run(resumable).get("runId").getAsString();
        Path temporary = resumable.resolveSibling(IncompleteFolders.name(runId));
        IncompleteFolders.open(temporary);
        if (!resumable.equals(temporary)) {
            try {
                Files.move(resumable, temporary, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                IncompleteFolders.close(temporary);
                throw e;
            }
        }
        return new SweepFolder(temporary, runId);
    }

    /** The run that wrote this folder has ended: it is no longer this process's to write. */
    void release() {
        IncompleteFolders.close(folder);
    }

    String runId() {
        return runId;
    }

    Path folder() {
        return folder;
    }

    private Path state() {
        return folder.resolve(STATE);
    }

    /** The kept records of finished points, by point index. */
    Map<Integer, JsonObject> finishedPoints() throws IOException {
        Map<Integer, JsonObject> out = new HashMap<>();
        Path points = state().resolve("points");
        if (!Files.isDirectory(points)) {
            return out;
        }
        try (Stream<Path> s = Files.list(points)) {
            for (Path p : s.filter(f -> f.getFileName().toString().matches("\\d+\\.json")).toList()) {
                String name = p.getFileName().toString();
                out.put(Integer.parseInt(name.substring(0, name.length() - 5)),
                        JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        }
        return out;
    }

    void savePoint(int index, JsonObject record) throws IOException {
        writeAtomically(state().resolve("points").resolve(index + ".json"), record.toString());
    }

    /** Where the units of fan-out {@code name} of point {@code index} are kept. */
    UnitStore units(int index, String name) {
        return new UnitStore(state().resolve("units").resolve(Integer.toString(index)).resolve(name), this);
    }

    /** Whether anything finished is kept (a point or a unit). */
    boolean holdsWork() {
        return keepsWork(folder);
    }

    /**
     * Whether the run folder {@code folder} keeps finished points or units for a resume (so that
     * clearing away the unfinished folders of dead processes leaves it alone).
     */
    static boolean keepsWork(Path folder) {
        Path s = folder.resolve(STATE);
        if (!Files.isDirectory(s)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(s)) {
            return walk.anyMatch(p -> p.getFileName().toString().matches("\\d+\\.json"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes what an interrupted run wrote for work that did not finish, keeping the resume state
     * and the folders of finished points ({@code points/I/} with a record): the files of unfinished
     * points, and the run's own files (its plots, drawn only after every point finished). Call it
     * only after the run's writers have stopped.
     */
    void pruneUnfinished() throws IOException {
        Map<Integer, JsonObject> finished = finishedPoints();
        Set<Path> keep = keptFiles();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.equals(STATE) || keep.contains(p)) {
                    continue;
                }
                if (name.equals("points") && Files.isDirectory(p)) {
                    try (Stream<Path> points = Files.list(p)) {
                        for (Path point : points.toList()) {
                            String index = point.getFileName().toString();
                            if (!index.matches("\\d+") || !finished.containsKey(Integer.parseInt(index))) {
                                deleteExcept(point, keep);
                            }
                        }
                    }
                    continue;
                }
                delete(p);
            }
        }
    }

    /** What an interrupted run keeps besides its records: its log and the checkpoints its points saved. */
    private Set<Path> keptFiles() throws IOException {
        Set<Path> keep = new HashSet<>();
        keep.add(folder.resolve(RunLog.FILE));
        Path records = state().resolve("checkpoints");
        if (Files.isDirectory(records)) {
            try (Stream<Path> s = Files.list(records)) {
                for (Path record : s.filter(f -> f.getFileName().toString().matches("\\d+\\.json")).toList()) {
                    for (String name : Checkpoints.read(record).checkpoints().keySet()) {
                        keep.add(folder.resolve(name));
                    }
                }
            }
        }
        return keep;
    }

    /** Deletes {@code tree} but the files in {@code keep} (and the folders that hold them). */
    private static void deleteExcept(Path tree, Set<Path> keep) throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (keep.contains(p)) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    try (Stream<Path> inside = Files.list(p)) {
                        if (inside.findAny().isPresent()) {
                            continue;
                        }
                    }
                }
                Files.deleteIfExists(p);
            }
        }
    }

    /** Removes the resume state (before a whole run is published). */
    void dropState() throws IOException {
        delete(state());
    }

    void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The kept units of one fan-out. */
    static final class UnitStore {
        private final Path folder;
        private final SweepFolder owner;

        UnitStore(Path folder, SweepFolder owner) {
            this.folder = folder;
            this.owner = owner;
        }

        Map<Integer, JsonObject> finished(int count) throws IOException {
            Map<Integer, JsonObject> out = new HashMap<>();
            for (int r = 0; r < count; r++) {
                Path p = folder.resolve(r + ".json");
                if (Files.isRegularFile(p)) {
                    out.put(r, JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject());
                }
            }
            return out;
        }

        void save(int r, String json) throws IOException {
            owner.writeAtomically(folder.resolve(r + ".json"), json);
        }
    }
}

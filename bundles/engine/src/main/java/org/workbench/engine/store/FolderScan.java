package org.workbench.engine.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The run folders under a results folder ({@code <results>/<experiment>/<run-id>/result.json}) with
 * their signatures: the run folder's modification time (tags and notes are written by renaming, which
 * changes it) and {@code result.json}'s time and size (a hand edit changes them). Names starting with
 * a dot (unfinished runs, the store itself) are not runs.
 *
 * <p>Two ways to look: {@link #scan} reads every run folder's signature (two {@code stat} calls a run,
 * experiments in parallel); {@link #quick} looks only at each experiment folder's modification time,
 * which moves when a run folder is created, renamed into place or deleted in it, and lists again only
 * the experiment folders whose time moved since the last look (their runs already known keep their
 * signatures). What {@code quick} cannot see is a change inside a run folder made by hand.
 */
final class FolderScan {
    /**
     * A time too close to the look to be trusted: a folder changed again within the file system clock's
     * tick keeps its time, so a folder whose time is this close to the look is listed again next time.
     */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The time recorded for an experiment folder that must be listed again. */
    static final long UNKNOWN = Long.MIN_VALUE;

    /**
     * What a look found.
     *
     * @param signatures {@code experiment/run-id} to signature, for every finished run folder
     * @param times      each experiment folder's modification time (nanoseconds) when it was listed, or {@link #UNKNOWN}
     */
    record Found(Map<String, String> signatures, Map<String, Long> times) {
    }

    private FolderScan() {
    }

    /** Every run folder's signature, and the experiment folders' times. */
    static Found full(Path root) throws IOException {
        return look(root, null, null);
    }

    /**
     * The run folders as {@code indexed} (the signatures the last look found) and {@code times} (the
     * experiment folders' times it saw) describe them, looking again only into experiment folders that
     * are new or whose time moved: there, runs not yet known are read and known ones keep their signature.
     */
    static Found quick(Path root, Map<String, Long> times, Map<String, String> indexed) throws IOException {
        return look(root, times, indexed);
    }

    /**
     * Whether every experiment folder under {@code root} is one of {@code times} with the same
     * modification time, and no other is there: one listing of {@code root} and a {@code stat} per
     * experiment folder.
     */
    static boolean unchanged(Path root, Map<String, Long> times) throws IOException {
        return Files.isDirectory(root) && moved(root, times).isEmpty();
    }

    /**
     * The experiment folders whose runs may differ from what {@code times} saw: those under {@code root}
     * that are new or whose modification time moved (or is {@link #UNKNOWN}), and those of {@code times}
     * that are gone. One listing of {@code root} and a {@code stat} per experiment folder.
     */
    static Set<String> moved(Path root, Map<String, Long> times) throws IOException {
        Set<String> moved = new HashSet<>();
        Set<String> seen = new HashSet<>();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class);
                    } catch (NoSuchFileException e) {
                        continue; // removed meanwhile: gone, below
                    }
                    if (!a.isDirectory()) {
                        continue;
                    }
                    seen.add(name);
                    Long before = times.get(name);
                    if (before == null || before == UNKNOWN || before != a.lastModifiedTime().to(TimeUnit.NANOSECONDS)) {
                        moved.add(name);
                    }
                }
            }
        }
        times.keySet().stream().filter(name -> !seen.contains(name)).forEach(moved::add);
        return moved;
    }

    private static Found look(Path root, Map<String, Long> times, Map<String, String> indexed) throws IOException {
        Map<String, String> found = new ConcurrentHashMap<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        if (!Files.isDirectory(root)) {
            return new Found(found, seen);
        }
        Map<String, List<Map.Entry<String, String>>> known = times == null ? Map.of() : byExperiment(indexed);
        long now = System.currentTimeMillis() * 1_000_000L;
        List<Path> experiments = folders(root, true);
        // a full look reads two stat calls a run, in parallel; a quick one mostly a stat an experiment folder, and
        // starting the common pool's threads would cost more than it saves
        (times == null ? experiments.parallelStream() : experiments.stream()).forEach(experiment -> {
            String name = experiment.getFileName().toString();
            try {
                long time = Files.getLastModifiedTime(experiment).to(TimeUnit.NANOSECONDS);
                List<Map.Entry<String, String>> runs = known.getOrDefault(name, List.of());
                Long before = times == null ? null : times.get(name);
                if (before != null && before == time) {
                    runs.forEach(e -> found.put(e.getKey(), e.getValue()));
                } else {
                    Map<String, String> knownHere = new HashMap<>();
                    runs.forEach(e -> knownHere.put(e.getKey(), e.getValue()));
                    for (Path run : folders(experiment, false)) {
                        String key = name + "/" + run.getFileName();
                        String signature = times != null && knownHere.containsKey(key) ? knownHere.get(key) : signature(run);
                        if (signature != null) {
                            found.put(key, signature);
                        }
                    }
                }
                seen.put(name, now - time < RACY_NANOS ? UNKNOWN : time);
            } catch (IOException e) {
                // an experiment folder removed while scanning: its runs are gone
            }
        });
        return new Found(found, seen);
    }

    /** The known runs grouped by experiment folder name. */
    private static Map<String, List<Map.Entry<String, String>>> byExperiment(Map<String, String> indexed) {
        Map<String, List<Map.Entry<String, String>>> by = new HashMap<>();
        for (Map.Entry<String, String> e : indexed.entrySet()) {
            String key = e.getKey();
            by.computeIfAbsent(key.substring(0, Math.max(0, key.indexOf('/'))), k -> new ArrayList<>()).add(e);
        }
        return by;
    }

    /** The signature of the run folder {@code run}, or {@code null} when it holds no {@code result.json}. */
    static String signature(Path run) throws IOException {
        try {
            BasicFileAttributes folder = Files.readAttributes(run, BasicFileAttributes.class);
            if (!folder.isDirectory()) {
                return null;
            }
            BasicFileAttributes result = Files.readAttributes(run.resolve(ResultFolderReader.RESULT),
                    BasicFileAttributes.class);
            return folder.lastModifiedTime().toMillis() + ":" + result.lastModifiedTime().toMillis() + ":"
                    + result.size();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The entries of {@code parent} not starting with a dot; only folders when {@code check} (else the caller checks). */
    private static List<Path> folders(Path parent, boolean check) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && (!check || Files.isDirectory(p))) {
                    folders.add(p);
                }
            }
        }
        return folders;
    }
}

package org.workbench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The published result folders under the results folder and the descriptors under the experiments
 * folder (folders are renamed into place whole, so a folder seen is complete). {@link #all} keeps each
 * experiment folder's runs and reads an experiment folder again only when its modification time (a run
 * published or deleted) or its descriptor changed: a page that lists runs costs one look at each
 * experiment folder and descriptor, not a look at every run. A {@code result.json} edited in place is
 * read again by {@link #find} (a run's own page) at once, and by the lists when its experiment folder
 * next changes.
 */
final class RunIndex {
    private final Path results;
    private final Path experiments;
    /** Parsed result documents by file, with the modification time they were read at (result files never change in place). */
    private final Map<Path, Cached> documents = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each descriptor file's name and SHA-256, with the time and size they were read at. */
    private final Map<Path, Descriptor> descriptorFiles = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each experiment folder's runs, with its modification time and descriptor hash when they were read. */
    private Map<Path, ExperimentRuns> experimentRuns = Map.of();
    /** Every run, newest first, as {@link #all} last answered. */
    private List<RunRecord> everyRun;
    /** How many result folders were read (for tests: a list answered from the kept runs reads none). */
    private final java.util.concurrent.atomic.AtomicLong folderReads = new java.util.concurrent.atomic.AtomicLong();

    private record Cached(long modified, JsonObject document) {
    }

    private record Descriptor(java.nio.file.attribute.FileTime modified, long size, String name, String sha256) {
    }

    private record ExperimentRuns(java.nio.file.attribute.FileTime modified, String descriptorSha256,
            List<RunRecord> runs) {
    }

    /** The engine's run summary while it serves ({@code run-summary}), or null: then the folders answer. */
    private final java.util.function.Supplier<java.util.function.Function<String, String>> summaries;

    RunIndex(Path results, Path experiments) {
        this(results, experiments, () -> null);
    }

    /**
     * An index whose {@link #overview} asks {@code summaries}' run store first (when it supplies one and
     * the results folder has a store), reading only the candidates' folders.
     */
    RunIndex(Path results, Path experiments,
            java.util.function.Supplier<java.util.function.Function<String, String>> summaries) {
        this.results = results;
        this.experiments = experiments;
        this.summaries = summaries;
    }

    Path results() {
        return results;
    }

    Path experiments() {
        return experiments;
    }

    /** The examples folder beside the experiments folder ({@code examples/} at the repository's root). */
    Path examples() {
        Path parent = experiments.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("examples") : parent.resolve("examples");
    }

    /**
     * Every descriptor the Run form can start: the experiments by name (as {@link #descriptors()}),
     * then each example's descriptors as {@code examples/<folder>/<file name without .json>}.
     */
    Map<String, Path> startable() throws IOException {
        Map<String, Path> out = descriptors();
        Path examples = examples();
        if (!Files.isDirectory(examples)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(examples, 2)) {
            for (Path p : s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> examples.relativize(f).getNameCount() == 2).sorted().toList()) {
                String key = "examples/" + examples.relativize(p).toString().replace('\\', '/').replaceAll("\\.json$", "");
                out.put(key, p);
            }
        }
        return out;
    }

    /** Descriptor name to its file under the experiments folder, in file-name order. */
    Map<String, Path> descriptors() throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.isDirectory(experiments)) {
            return out;
        }
        try (Stream<Path> s = Files.list(experiments)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String base = p.getFileName().toString().replaceAll("\\.json$", "");
                if (base.equals("homework")) {
                    continue;
                }
                out.put(descriptor(p, base).name(), p);
            }
        }
        return out;
    }

    /** Every run, newest first. */
    synchronized List<RunRecord> all() throws IOException {
        Map<String, String> hashes = descriptorHashes();
        if (!Files.isDirectory(results)) {
            return new ArrayList<>();
        }
        Map<Path, ExperimentRuns> now = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean(everyRun == null);
        List<Path> folders;
        try (Stream<Path> experimentsSeen = Files.list(results)) {
            folders = experimentsSeen.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isDirectory).sorted().toList();
        }
        // experiment folders read in parallel: the first list after a start reads every result.json
        folders.parallelStream().forEach(experiment -> {
            try {
                // the time first: a run published while the folder is listed changes it again
                java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(experiment);
                String name = experiment.getFileName().toString();
                ExperimentRuns kept = experimentRuns.get(experiment);
                if (kept == null || !kept.modified().equals(modified)
                        || !java.util.Objects.equals(kept.descriptorSha256(), hashes.get(name))) {
                    kept = new ExperimentRuns(modified, hashes.get(name), runs(name, experiment, hashes));
                    changed.set(true);
                }
                now.put(experiment, kept);
            } catch (IOException gone) {
                // an experiment folder removed while listing: its runs are gone; read again next time
                changed.set(true);
            }
        });
        if (changed.get() || !now.keySet().equals(experimentRuns.keySet())) {
            List<RunRecord> runs = new ArrayList<>();
            folders.stream().map(now::get).filter(java.util.Objects::nonNull).forEach(e -> runs.addAll(e.runs()));
            runs.sort(Comparator.comparing(RunRecord::runId).reversed());
            experimentRuns = now;
            everyRun = List.copyOf(runs);
        }
        return new ArrayList<>(everyRun);
    }

    /** The runs of one experiment folder. */
    private List<RunRecord> runs(String experiment, Path folder, Map<String, String> hashes) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path run : s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve("result.json"))).toList()) {
                record(experiment, run, hashes).ifPresent(runs::add);
            }
        }
        return runs;
    }

    /** How many result folders this index has read. */
    long folderReads() {
        return folderReads.get();
    }

    /** One run by its id {@code experiment/runId}, if it exists (ids from requests are checked, never resolved blindly). */
    Optional<RunRecord> find(String id) throws IOException {
        int slash = id == null ? -1 : id.indexOf('/');
        if (slash < 0 || !valid(id.substring(0, slash), id.substring(slash + 1))) {
            return Optional.empty();
        }
        return find(id.substring(0, slash), id.substring(slash + 1), descriptorHashes());
    }

    /**
     * Whether {@code experiment/runId} names a run folder: one name each, of letters, digits, {@code . _ -},
     * neither starting with a dot (unfinished runs and the store are not runs) nor holding {@code ..}.
     */
    private static boolean valid(String experiment, String runId) {
        return RUN_ID.matcher(experiment + "/" + runId).matches() && !runId.contains("..") && !experiment.contains("..");
    }

    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_-][A-Za-z0-9._-]*/[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** The SHA-256 of each shipped descriptor by its base name: a run is homework only with one of these. */
    private Map<String, String> descriptorHashes() throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, Path> d : descriptors().entrySet()) {
            hashes.put(d.getKey(), descriptor(d.getValue(), d.getKey()).sha256());
        }
        return hashes;
    }

    /** A descriptor file's name ({@code fallback} when it names none or is unreadable) and SHA-256, read again when it changed. */
    private Descriptor descriptor(Path file, String fallback) throws IOException {
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                java.nio.file.attribute.BasicFileAttributes.class);
        Descriptor d = descriptorFiles.get(file);
        if (d != null && d.modified().equals(a.lastModifiedTime()) && d.size() == a.size()) {
            return d;
        }
        String name = fallback;
        try {
            JsonElement n = Json.read(file).get("name");
            if (n != null && n.isJsonPrimitive()) {
                name = n.getAsString();
            }
        } catch (IOException unreadable) {
            // listed under its file name; validate reports the fault
        }
        d = new Descriptor(a.lastModifiedTime(), a.size(), name, sha256(file));
        descriptorFiles.put(file, d);
        return d;
    }

    /** The latest homework run of an experiment. */
    Optional<RunRecord> latestHomework(String experiment) throws IOException {
        return overview(List.of(experiment)).experiments().get(experiment).latest();
    }

    /**
     * What the home and question pages show of {@code names}: each one's latest homework run and number
     * of ad hoc runs, and how many runs there are in all. With a run store ({@link StoreOverview}) this
     * reads the newest homework candidates' folders only; without one, every folder ({@link #all}).
     */
    Overview overview(List<String> names) throws IOException {
        Optional<Overview> stored = fromStore(store -> store.of(names));
        if (stored.isPresent()) {
            return stored.get();
        }
        List<RunRecord> runs = all();
        Map<String, ExperimentStatus> each = new LinkedHashMap<>();
        for (String name : names) {
            each.put(name, new ExperimentStatus(
                    runs.stream().filter(r -> r.experiment().equals(name) && r.homework()).findFirst(),
                    runs.stream().filter(r -> r.experiment().equals(name) && !r.homework()).count()));
        }
        return new Overview(runs.size(), each);
    }

    /**
     * The {@code n} newest runs, newest first, and how many runs there are: with a run store, the folders
     * of the newest runs it names (by start time); without one, every folder is read ({@link #all}).
     */
    Newest newest(int n) throws IOException {
        Optional<Newest> stored = fromStore(store -> store.newest(n));
        if (stored.isPresent()) {
            return stored.get();
        }
        List<RunRecord> runs = all();
        return new Newest(List.copyOf(runs.subList(0, Math.min(n, runs.size()))), runs.size());
    }

    /** A question to the run store's summary while there is one ({@link StoreOverview}); empty without a store, or when it cannot answer. */
    private <T> Optional<T> fromStore(StoreQuestion<T> question) throws IOException {
        java.util.function.Function<String, String> summary = summaries.get();
        return summary == null ? Optional.empty() : question.ask(new StoreOverview(summary, this));
    }

    /** What {@link #fromStore} asks. */
    private interface StoreQuestion<T> {
        Optional<T> ask(StoreOverview store) throws IOException;
    }

    /** {@link #newest}'s answer: the newest runs, and how many there are in all. */
    record Newest(List<RunRecord> runs, long of) {
        /** Whether older runs were left out. */
        boolean partial() {
            return of > runs.size();
        }

        /** What a page that asked for the {@code asked} newest runs says it shows: "200 newest of 100,000". */
        String shown(int asked) {
            return String.format(java.util.Locale.ROOT, "%,d newest of %,d", asked, of);
        }
    }

    /** All runs, and each experiment asked about: {@link #overview}'s answer. */
    record Overview(long runs, Map<String, ExperimentStatus> experiments) {
    }

    /** An experiment's latest homework run and its number of ad hoc runs. */
    record ExperimentStatus(Optional<RunRecord> latest, long adHoc) {
    }

    /**
     * The run {@code runId} of {@code experiment}, if it exists: one folder read (a page of 50 rows from a
     * store of 10,000 runs looks up 50), with the descriptors' hashes already read.
     */
    Optional<RunRecord> find(String experiment, String runId, Map<String, String> hashes) {
        if (!valid(experiment, runId)) {
            return Optional.empty();
        }
        Path run = results.resolve(experiment).resolve(runId);
        if (!Files.isRegularFile(run.resolve("result.json"))) {
            return Optional.empty(); // deleted since the store last looked
        }
        return record(experiment, run, hashes);
    }

    /** The SHA-256 of each shipped descriptor by its base name (read again only when a file changed). */
    Map<String, String> hashes() throws IOException {
        return descriptorHashes();
    }

    private Optional<RunRecord> record(String experiment, Path run, Map<String, String> hashes) {
        folderReads.incrementAndGet();
        JsonObject doc;
        try {
            Path file = run.resolve("result.json");
            long modified = Files.getLastModifiedTime(file).toMillis();
            Cached c = documents.get(file);
            if (c == null || c.modified() != modified) {
                c = new Cached(modified, Json.read(file));
                documents.put(file, c);
            }
            doc = c.document();
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> overrides = new ArrayList<>();
        JsonElement o = Json.at(doc, "provenance.overrides");
        if (o != null && o.isJsonArray()) {
            o.getAsJsonArray().forEach(e -> overrides.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        } else if (o != null && o.isJsonObject()) {
            o.getAsJsonObject().entrySet().forEach(e -> overrides.add(e.getKey() + "=" + Json.text(e.getValue(), 6)));
        }
        JsonElement sha = Json.at(doc, "provenance.descriptorSha256");
        String current = hashes.get(experiment);
        String why;
        List<String> thirdParty = new RunRecord(experiment, "", run, doc, List.of(), false, "").thirdParty();
        if (!thirdParty.isEmpty()) {
            why = "computed with third-party code: " + String.join(", ", thirdParty) + " (not the distribution's own"
                    + " bundles), so it answers no homework question";
        } else if (!overrides.isEmpty()) {
            why = "ad hoc: ran with --set " + String.join(" ", overrides);
        } else if (current == null) {
            why = "ad hoc: no descriptor of this name under experiments/";
        } else if (sha == null || !sha.isJsonPrimitive() || !sha.getAsString().equals(current)) {
            why = "ad hoc: the descriptor it ran differs from the current experiments/ file";
        } else {
            why = "";
        }
        return Optional.of(new RunRecord(experiment, run.getFileName().toString(), run, doc, List.copyOf(overrides),
                why.isEmpty(), why));
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

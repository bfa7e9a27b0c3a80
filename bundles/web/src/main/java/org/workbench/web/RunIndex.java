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
 * folder, read fresh on each call (folders are renamed into place whole, so a folder seen is complete).
 */
final class RunIndex {
    private final Path results;
    private final Path experiments;
    /** Parsed result documents by file, with the modification time they were read at (result files never change in place). */
    private final Map<Path, Cached> documents = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(long modified, JsonObject document) {
    }

    RunIndex(Path results, Path experiments) {
        this.results = results;
        this.experiments = experiments;
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
                String name = base;
                try {
                    JsonElement n = Json.read(p).get("name");
                    if (n != null && n.isJsonPrimitive()) {
                        name = n.getAsString();
                    }
                } catch (IOException unreadable) {
                    // listed under its file name; validate reports the fault
                }
                out.put(name, p);
            }
        }
        return out;
    }

    /** Every run, newest first. */
    List<RunRecord> all() throws IOException {
        Map<String, String> hashes = descriptorHashes();
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(results)) {
            return runs;
        }
        try (Stream<Path> experimentsSeen = Files.list(results)) {
            for (Path experiment : experimentsSeen.filter(Files::isDirectory).toList()) {
                try (Stream<Path> s = Files.list(experiment)) {
                    for (Path run : s.filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> Files.isRegularFile(p.resolve("result.json"))).toList()) {
                        record(experiment.getFileName().toString(), run, hashes).ifPresent(runs::add);
                    }
                }
            }
        }
        runs.sort(Comparator.comparing(RunRecord::runId).reversed());
        return runs;
    }

    /** One run by its id {@code experiment/runId}, if it exists (ids from requests are checked, never resolved blindly). */
    Optional<RunRecord> find(String id) throws IOException {
        if (id == null || !id.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+") || id.contains("..")) {
            return Optional.empty();
        }
        // one folder, not a scan of every run: a page of 50 rows from a store of 10,000 runs looks up 50
        int slash = id.indexOf('/');
        if (id.startsWith(".") || id.charAt(slash + 1) == '.') {
            return Optional.empty(); // unfinished runs and the store are not runs
        }
        Path run = results.resolve(id.substring(0, slash)).resolve(id.substring(slash + 1));
        if (!Files.isRegularFile(run.resolve("result.json"))) {
            return Optional.empty();
        }
        return record(id.substring(0, slash), run, descriptorHashes());
    }

    /** The SHA-256 of each shipped descriptor by its base name: a run is homework only with one of these. */
    private Map<String, String> descriptorHashes() throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, Path> d : descriptors().entrySet()) {
            hashes.put(d.getKey(), sha256(d.getValue()));
        }
        return hashes;
    }

    /** The latest homework run of an experiment. */
    Optional<RunRecord> latestHomework(String experiment) throws IOException {
        return all().stream().filter(r -> r.experiment().equals(experiment) && r.homework()).findFirst();
    }

    private Optional<RunRecord> record(String experiment, Path run, Map<String, String> hashes) {
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

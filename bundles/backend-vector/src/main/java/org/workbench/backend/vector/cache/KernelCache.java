package org.workbench.backend.vector.cache;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.workbench.cachefolder.CacheFolder;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The file of kernel choices: {@code {"version": 1, "machines": {machine: {shapeClass: choice}},
 * "runs": {machine: {"<n> threads": run choice}}}}, where a machine is a CPU model, its vector width
 * and a JDK: each shape class's candidates timed alone ({@link KernelChoice}), and per thread count the
 * set of plans a run uses, chosen on a run's sequence of products ({@link RunChoice}; a file without
 * {@code runs}, from before it, holds no choice a run uses). Written whole to a
 * temporary file beside it and moved into place, so a reader never sees half a file; a file that
 * cannot be read or parsed is ignored with a warning (and replaced at the next write).
 */
public final class KernelCache {
    /** The format written; a file of another version is ignored. */
    static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path file;
    private final PrintStream warnings;

    public KernelCache(Path file, PrintStream warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** The user's cache: {@code kernels.json} in the workbench's cache folder ({@link CacheFolder}, as decoded Fashion-MNIST's). */
    public static KernelCache user() {
        return new KernelCache(defaultFile(), System.err);
    }

    /** The file {@link #user()} reads and writes. */
    public static Path defaultFile() {
        return CacheFolder.user().resolve("kernels.json");
    }

    /** The file for a value of {@code XDG_CACHE_HOME} (null or relative: not set, per the XDG spec) and a home folder. */
    public static Path userFile(String xdgCacheHome, String home) {
        return CacheFolder.of(null, null, xdgCacheHome, home).resolve("kernels.json");
    }

    public Path file() {
        return file;
    }

    /** Every machine's choices, by machine, then shape class (empty when there is no readable file). */
    public Map<String, Map<String, KernelChoice>> read() {
        return contents().classes();
    }

    /** Everything in the file: each machine's classes, and its run choices by thread count. */
    private Contents contents() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return new Contents(new TreeMap<>(), new TreeMap<>());
        } catch (IOException e) {
            warnings.println("warning: ignoring the kernel cache " + file + ": " + e.getMessage());
            return new Contents(new TreeMap<>(), new TreeMap<>());
        }
        try {
            return parse(text);
        } catch (RuntimeException e) {
            warnings.println("warning: ignoring the kernel cache " + file + ", which is corrupt (" + e.getMessage()
                    + "); the kernels will be measured again and the file rewritten");
            return new Contents(new TreeMap<>(), new TreeMap<>());
        }
    }

    /** The classes and, by machine, then thread count (e.g. {@code 2 threads}), the run choices. */
    private record Contents(Map<String, Map<String, KernelChoice>> classes, Map<String, Map<String, RunChoice>> runs) {
    }

    /** The key of a thread count among a machine's run choices: {@code 1 thread}, {@code 2 threads}. */
    static String threadsKey(int threads) {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /** The set of plans chosen for a backend of {@code threads} threads on {@code machine}, or null when none was measured. */
    public RunChoice run(String machine, int threads) {
        return contents().runs().getOrDefault(machine, Map.of()).get(threadsKey(threads));
    }

    /** Adds or replaces the run choice for {@code machine} and {@code threads}, keeping everything else. */
    public synchronized void putRun(String machine, int threads, RunChoice choice) throws IOException {
        Contents all = contents();
        all.runs().computeIfAbsent(machine, m -> new TreeMap<>()).put(threadsKey(threads), choice);
        write(all);
    }

    /** This machine's choices, by shape class. */
    public Map<String, KernelChoice> read(String machine) {
        return read().getOrDefault(machine, new TreeMap<>());
    }

    /** Adds or replaces {@code choice} for {@code machine} and {@code shapeClass}, keeping everything else. */
    public synchronized void put(String machine, String shapeClass, KernelChoice choice) throws IOException {
        Contents all = contents();
        all.classes().computeIfAbsent(machine, m -> new TreeMap<>()).put(shapeClass, choice);
        write(all);
    }

    /**
     * Times the candidate kernels of every shape class a backend of {@code threads} threads needs on
     * this machine (problem 4's, and each class a run noted as not measured yet) and remembers the
     * fastest in this cache, saying the choices on {@code out}; the number of classes measured. Takes
     * seconds (the JIT compiles each candidate first), in a JVM with C2.
     *
     * @throws IllegalStateException when this JVM has no C2 compiler (then nothing could be timed)
     */
    public int measure(int threads, PrintStream out) {
        return org.workbench.backend.vector.KernelMeasurement.measure(this, threads, out);
    }

    /** Deletes the file; whether there was one. */
    public boolean reset() throws IOException {
        return Files.deleteIfExists(file);
    }

    /** The file's content as JSON text (an empty document when there is none). */
    public String json() {
        return GSON.toJson(toJson(contents()));
    }

    private void write(Contents all) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "kernels", ".json.tmp");
        try {
            Files.writeString(temporary, GSON.toJson(toJson(all)) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Contents parse(String text) {
        JsonObject root = JsonParser.parseString(text).getAsJsonObject();
        if (!root.has("version") || root.get("version").getAsInt() != VERSION) {
            throw new JsonParseException("expected \"version\": " + VERSION);
        }
        Map<String, Map<String, KernelChoice>> out = new TreeMap<>();
        for (Map.Entry<String, JsonElement> machine : root.getAsJsonObject("machines").entrySet()) {
            Map<String, KernelChoice> shapes = new TreeMap<>();
            for (Map.Entry<String, JsonElement> shape : machine.getValue().getAsJsonObject().entrySet()) {
                JsonObject o = shape.getValue().getAsJsonObject();
                Map<String, Double> micros = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> t : o.getAsJsonObject("micros").entrySet()) {
                    micros.put(t.getKey(), t.getValue().getAsDouble());
                }
                String plan = o.get("plan").getAsString();
                shapes.put(shape.getKey(), new KernelChoice(plan, micros, o.get("shape").getAsString(),
                        o.get("measuredAt").getAsString()));
            }
            out.put(machine.getKey(), shapes);
        }
        Map<String, Map<String, RunChoice>> runs = new TreeMap<>();
        if (root.has("runs")) {
            for (Map.Entry<String, JsonElement> machine : root.getAsJsonObject("runs").entrySet()) {
                Map<String, RunChoice> byThreads = new TreeMap<>();
                for (Map.Entry<String, JsonElement> t : machine.getValue().getAsJsonObject().entrySet()) {
                    byThreads.put(t.getKey(), runChoice(t.getValue().getAsJsonObject()));
                }
                runs.put(machine.getKey(), byThreads);
            }
        }
        return new Contents(out, runs);
    }

    private static RunChoice runChoice(JsonObject o) {
        java.util.List<RunChoice.Candidate> candidates = new java.util.ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("candidates")) {
            JsonObject c = e.getAsJsonObject();
            Map<String, String> plans = new TreeMap<>();
            for (Map.Entry<String, JsonElement> p : c.getAsJsonObject("plans").entrySet()) {
                plans.put(p.getKey(), p.getValue().getAsString());
            }
            java.util.List<String> kernels = new java.util.ArrayList<>();
            c.getAsJsonArray("kernels").forEach(k -> kernels.add(k.getAsString()));
            candidates.add(new RunChoice.Candidate(c.get("name").getAsString(), plans, kernels, c.get("epochMillis").getAsDouble(),
                    c.get("compileMillis").getAsDouble(), c.get("runMillis").getAsDouble()));
        }
        return new RunChoice(o.get("chosen").getAsString(), o.get("measuredAt").getAsString(), o.get("margin").getAsDouble(),
                candidates);
    }

    private static JsonObject toJson(RunChoice run) {
        JsonObject o = new JsonObject();
        o.addProperty("chosen", run.chosen());
        o.addProperty("measuredAt", run.measuredAt());
        o.addProperty("margin", run.margin());
        com.google.gson.JsonArray candidates = new com.google.gson.JsonArray();
        for (RunChoice.Candidate c : run.candidates()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", c.name());
            j.addProperty("runMillis", Math.round(c.runMillis() * 10) / 10.0);
            j.addProperty("epochMillis", Math.round(c.epochMillis() * 10) / 10.0);
            j.addProperty("compileMillis", Math.round(c.compileMillis() * 10) / 10.0);
            com.google.gson.JsonArray kernels = new com.google.gson.JsonArray();
            c.kernels().forEach(kernels::add);
            j.add("kernels", kernels);
            JsonObject plans = new JsonObject();
            new TreeMap<>(c.plans()).forEach(plans::addProperty);
            j.add("plans", plans);
            candidates.add(j);
        }
        o.add("candidates", candidates);
        return o;
    }

    private static JsonObject toJson(Contents contents) {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        JsonObject machines = new JsonObject();
        contents.classes().forEach((machine, shapes) -> {
            JsonObject m = new JsonObject();
            shapes.forEach((shape, choice) -> {
                JsonObject o = new JsonObject();
                o.addProperty("plan", choice.plan());
                o.addProperty("shape", choice.shape());
                o.addProperty("measuredAt", choice.measuredAt());
                JsonObject micros = new JsonObject();
                choice.micros().entrySet().stream().sorted(Map.Entry.comparingByValue())
                        .forEach(e -> micros.addProperty(e.getKey(), Math.round(e.getValue() * 10) / 10.0));
                o.add("micros", micros);
                m.add(shape, o);
            });
            machines.add(machine, m);
        });
        root.add("machines", machines);
        JsonObject runs = new JsonObject();
        contents.runs().forEach((machine, byThreads) -> {
            JsonObject m = new JsonObject();
            byThreads.forEach((threads, run) -> m.add(threads, toJson(run)));
            runs.add(machine, m);
        });
        root.add("runs", runs);
        return root;
    }

    /** A table of the choices for people: per machine, each shape class, its plan and how it compared. */
    public String text() {
        Contents contents = contents();
        StringBuilder out = new StringBuilder();
        out.append("kernel cache: ").append(file).append(Files.exists(file) ? "" : " (none yet)").append('\n');
        java.util.Set<String> machines = new java.util.TreeSet<>(contents.classes().keySet());
        machines.addAll(contents.runs().keySet());
        for (String machine : machines) {
            Map<String, KernelChoice> shapes = contents.classes().getOrDefault(machine, Map.of());
            out.append('\n').append(machine).append('\n');
            contents.runs().getOrDefault(machine, Map.of()).forEach((threads, run) -> out.append(RunChoiceText.of(threads, run)));
            if (!shapes.isEmpty()) {
                out.append("  each shape class timed alone (information: a run uses the set chosen above)\n");
            }
            shapes.forEach((shape, choice) -> {
                if (choice.micros().isEmpty()) {
                    out.append(String.format(java.util.Locale.ROOT, "  %-32s %-14s built in: not measured yet (needed %s on %s;"
                            + " ./workbench kernels --measure)%n", shape, choice.plan(), choice.shape(), choice.measuredAt()));
                    return;
                }
                double best = choice.chosenMicros();
                double worst = choice.micros().values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                out.append(String.format(java.util.Locale.ROOT, "  %-32s %-14s %9.1f us  (%d candidates, slowest %.1f us; timed on %s, %s)%n",
                        shape, choice.plan(), best, choice.micros().size(), worst, choice.shape(), choice.measuredAt()));
            });
        }
        return out.toString();
    }
}

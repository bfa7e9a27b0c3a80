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
 * The file of kernel choices: {@code {"version": 1, "machines": {machine: {shapeClass: choice}}}},
 * where a machine is a CPU model, its vector width and a JDK ({@link #machine()}). Written whole to a
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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return new TreeMap<>();
        } catch (IOException e) {
            warnings.println("warning: ignoring the kernel cache " + file + ": " + e.getMessage());
            return new TreeMap<>();
        }
        try {
            return parse(text);
        } catch (RuntimeException e) {
            warnings.println("warning: ignoring the kernel cache " + file + ", which is corrupt (" + e.getMessage()
                    + "); the kernels will be measured again and the file rewritten");
            return new TreeMap<>();
        }
    }

    /** This machine's choices, by shape class. */
    public Map<String, KernelChoice> read(String machine) {
        return read().getOrDefault(machine, new TreeMap<>());
    }

    /** Adds or replaces {@code choice} for {@code machine} and {@code shapeClass}, keeping everything else. */
    public synchronized void put(String machine, String shapeClass, KernelChoice choice) throws IOException {
        Map<String, Map<String, KernelChoice>> all = read();
        all.computeIfAbsent(machine, m -> new TreeMap<>()).put(shapeClass, choice);
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

    /** Whether this machine (CPU, vector width, JDK) has at least one shape class with a measured choice here. */
    public boolean measuredHere() {
        return org.workbench.backend.vector.KernelMeasurement.measured(this);
    }

    /** Deletes the file; whether there was one. */
    public boolean reset() throws IOException {
        return Files.deleteIfExists(file);
    }

    /** The file's content as JSON text (an empty document when there is none). */
    public String json() {
        return GSON.toJson(toJson(read()));
    }

    private void write(Map<String, Map<String, KernelChoice>> all) throws IOException {
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

    static Map<String, Map<String, KernelChoice>> parse(String text) {
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
        return out;
    }

    private static JsonObject toJson(Map<String, Map<String, KernelChoice>> all) {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        JsonObject machines = new JsonObject();
        all.forEach((machine, shapes) -> {
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
        return root;
    }

    /** A table of the choices for people: per machine, each shape class, its plan and how it compared. */
    public String text() {
        Map<String, Map<String, KernelChoice>> all = read();
        StringBuilder out = new StringBuilder();
        out.append("kernel cache: ").append(file).append(Files.exists(file) ? "" : " (none yet)").append('\n');
        all.forEach((machine, shapes) -> {
            out.append('\n').append(machine).append('\n');
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
        });
        return out.toString();
    }
}

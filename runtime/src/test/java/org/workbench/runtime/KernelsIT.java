package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * On the real runtime: a training run on the vector backend never times kernels; {@code results.backend}
 * names the backend, its threads and the kernel setting only; on a machine where nothing is measured it
 * runs the built-in kernel, says so in {@code results.backendDetails} and notes the class in the user's
 * cache folder ($XDG_CACHE_HOME) for {@code kernels --measure}; the set of plans chosen in the cache for
 * runs is used, recorded with its timings and the other sets' in {@code backendDetails}, shown by
 * {@code kernels}, and gives the same numbers bit for bit, as a kernel pinned by WORKBENCH_KERNEL does; a bad one is refused naming the
 * setting; {@code kernels --measure} refuses a JVM without C2 and a negative thread count; {@code kernels
 * --reset} forgets.
 */
class KernelsIT {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
    /** The backend as results.backend names it: the backend, its threads and the kernel setting, nothing more. */
    private static final Pattern BACKEND = Pattern.compile("vector \\((\\d+) threads?, kernels (\\S+)\\)");

    @TempDir
    static Path work;

    private static IsolationIT.Ended workbench(String name, Map<String, String> env, String... args) throws Exception {
        return workbench(name, env, List.of(), args);
    }

    private static IsolationIT.Ended workbench(String name, Map<String, String> env, List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true"));
        command.addAll(jvm);
        command.addAll(List.of("-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(), "--home",
                WorkbenchRuntimeIT.HOME.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("WORKBENCH_KERNEL");
        builder.environment().remove("WORKBENCH_CACHE");
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        builder.environment().putAll(env);
        return IsolationIT.ended(builder, work.resolve(name));
    }

    /** A JVM without Java's SIMD module: the vector backend does not resolve; help works, kernels says what it needs. */
    @Test
    void withoutTheSimdModuleHelpWorksAndKernelsSaysWhatItNeeds() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-jar",
                WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(), "--home", WorkbenchRuntimeIT.HOME.toString(),
                "--plugins", work.resolve("no-simd-plugins").toString());
        List<String> help = new ArrayList<>(command);
        help.add("help");
        IsolationIT.Ended helped = IsolationIT.ended(new ProcessBuilder(help), work.resolve("no-simd-help"));
        assertEquals(0, helped.status(), helped.err());
        assertTrue(helped.out().contains("kernels"), helped.out());
        assertFalse(helped.err().contains("NoClassDefFoundError"), helped.err());
        List<String> kernels = new ArrayList<>(command);
        kernels.add("kernels");
        IsolationIT.Ended refused = IsolationIT.ended(new ProcessBuilder(kernels), work.resolve("no-simd-kernels"));
        assertEquals(1, refused.status(), refused.err());
        assertTrue(refused.err().contains("error: kernels: the vector backend is not available in this JVM")
                && refused.err().contains("--add-modules jdk.incubator.vector"), refused.err());
        assertFalse(refused.err().contains("NoClassDefFoundError"), refused.err());
    }

    private static JsonObject results(IsolationIT.Ended run) throws Exception {
        assertEquals(0, run.status(), run.err());
        return JsonParser.parseString(Files.readString(Path.of(run.lastLine()))).getAsJsonObject().getAsJsonObject("results");
    }

    @Test
    void aRunUsesTheKernelsMeasuredHereRecordsThemAndAnyKernelGivesTheSameBits() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(FASHION), "Fashion-MNIST is not installed");
        Path descriptor = work.resolve("p4-tiny.json");
        try (InputStream in = KernelsIT.class.getResourceAsStream("/kernels/p4-tiny.json")) {
            Files.copy(in, descriptor);
        }
        Path cacheFile = work.resolve("cache").resolve("workbench").resolve("kernels.json");

        IsolationIT.Ended empty = workbench("empty", Map.of(), "kernels");
        assertEquals(0, empty.status(), empty.err());
        assertTrue(empty.out().contains(cacheFile + " (none yet)"), empty.out());

        // nothing measured on this machine: the run times nothing, runs the built-in kernel and notes the class
        JsonObject auto = results(workbench("auto", Map.of(), "run", descriptor.toString(), "--out",
                work.resolve("results").toString(), "--quiet"));
        String backend = auto.get("backend").getAsString();
        Matcher named = BACKEND.matcher(backend);
        assertTrue(named.matches() && named.group(2).equals("auto"), backend);
        // the forward product of the first layer, 64 x 784 by 784 x 32, and the class it falls in
        String key = "ab^T 64x32x1024 on " + named.group(1) + (named.group(1).equals("1") ? " thread" : " threads");
        JsonObject details = auto.getAsJsonObject("backendDetails");
        assertEquals("auto", details.get("kernelSetting").getAsString(), details.toString());
        JsonObject forward = shapeClass(details, key);
        assertEquals("built in, not measured here yet", forward.get("source").getAsString(), details.toString());
        assertFalse(details.has("run"), details.toString());
        IsolationIT.Ended noted = workbench("noted", Map.of(), "kernels");
        assertTrue(noted.out().contains(key) && noted.out().contains("not measured yet (needed 64x32x784"), noted.out());

        // what `kernels --measure` writes (timings made up here: measuring for real waits for C2 for minutes on a
        // loaded machine): a later run reads the set chosen for runs, times nothing, records it, and computes the same bits
        IsolationIT.Ended json = workbench("json", Map.of(), "kernels", "--json");
        assertEquals(0, json.status(), json.err());
        JsonObject file = JsonParser.parseString(json.out()).getAsJsonObject();
        Map.Entry<String, com.google.gson.JsonElement> machine = file.getAsJsonObject("machines").entrySet().iterator().next();
        JsonObject choice = machine.getValue().getAsJsonObject().getAsJsonObject(key);
        JsonObject micros = new JsonObject();
        micros.addProperty("256b-6x2-t1", 100.0);
        micros.addProperty("512b-12x2-t1", 120.0);
        choice.add("micros", micros);
        choice.addProperty("plan", "256b-6x2-t1");
        String threadsKey = named.group(1) + (named.group(1).equals("1") ? " thread" : " threads");
        file.add("runs", JsonParser.parseString("{\"" + machine.getKey() + "\": {\"" + threadsKey + "\": {\"chosen\": \"256b-6x2\","
                + " \"measuredAt\": \"2026-12-07T16:00:00Z\", \"margin\": 0.05, \"candidates\": ["
                + "{\"name\": \"256b-6x2\", \"runMillis\": 5000, \"epochMillis\": 450, \"compileMillis\": 500, \"kernels\": [\"256b-6x2\"],"
                + " \"plans\": {\"" + key + "\": \"256b-6x2-t1\"}},"
                + "{\"name\": \"built-in\", \"runMillis\": 6000, \"epochMillis\": 550, \"compileMillis\": 500,"
                + " \"kernels\": [\"512b-12x2\"], \"plans\": {}}]}}}"));
        Files.writeString(cacheFile, file.toString());
        IsolationIT.Ended shown = workbench("shown", Map.of(), "kernels");
        assertTrue(shown.out().contains("a run on " + threadsKey + ": 256b-6x2") && shown.out().contains("0.833x"), shown.out());
        JsonObject cached = results(workbench("cached", Map.of(), "run", descriptor.toString(), "--out",
                work.resolve("results").toString(), "--quiet"));
        assertEquals(backend, cached.get("backend").getAsString());
        JsonObject cachedDetails = cached.getAsJsonObject("backendDetails");
        JsonObject again = shapeClass(cachedDetails, key);
        assertEquals("256b-6x2-t1", again.get("plan").getAsString(), cachedDetails.toString());
        assertTrue(again.get("source").getAsString().startsWith("set '256b-6x2', chosen on a run's products "), again.toString());
        assertTrue(again.toString().contains("{\"plan\":\"512b-12x2-t1\",\"micros\":120"), again.toString());
        assertEquals("256b-6x2", cachedDetails.getAsJsonObject("run").get("chosen").getAsString(), cachedDetails.toString());
        assertTrue(cachedDetails.getAsJsonObject("run").toString().contains("\"set\":\"built-in\",\"runMillis\":6000"),
                cachedDetails.toString());
        sameBits(auto, cached, "a measured kernel");

        JsonObject pinned = results(workbench("pinned", Map.of("WORKBENCH_KERNEL", "256b-4x3-t1"), "run", descriptor.toString(),
                "--out", work.resolve("results").toString(), "--quiet"));
        assertTrue(pinned.get("backend").getAsString().endsWith("kernels 256b-4x3-t1)"), pinned.get("backend").getAsString());
        assertTrue(pinned.getAsJsonObject("backendDetails").toString().contains("pinned by WORKBENCH_KERNEL"),
                pinned.getAsJsonObject("backendDetails").toString());
        sameBits(auto, pinned, "a pinned kernel");

        IsolationIT.Ended bad = workbench("bad", Map.of("WORKBENCH_KERNEL", "fastest"), "run", descriptor.toString(),
                "--out", work.resolve("results").toString(), "--quiet");
        assertNotEquals(0, bad.status());
        assertTrue(bad.err().contains("WORKBENCH_KERNEL: unknown kernel 'fastest'"), bad.err());

        // measuring needs C2: on the quick JIT alone it fails (exit 1) and says why; a negative thread count is bad input
        IsolationIT.Ended noC2 = workbench("noC2", Map.of(), List.of("-XX:TieredStopAtLevel=1"), "kernels", "--measure");
        assertEquals(1, noC2.status(), noC2.out() + noC2.err());
        assertTrue(noC2.err().contains("needs the JIT's C2 compiler"), noC2.err());
        IsolationIT.Ended negative = workbench("negative", Map.of(), "kernels", "--measure", "--threads", "-1");
        assertEquals(2, negative.status(), negative.out() + negative.err());
        assertTrue(negative.err().contains("--threads"), negative.err());

        IsolationIT.Ended reset = workbench("reset", Map.of(), "kernels", "--reset");
        assertEquals(0, reset.status(), reset.err());
        assertFalse(Files.exists(cacheFile));
    }

    /** The record of one shape class in a run's backendDetails.kernels[]. */
    private static JsonObject shapeClass(JsonObject details, String key) {
        for (com.google.gson.JsonElement e : details.getAsJsonArray("kernels")) {
            if (e.getAsJsonObject().get("shapeClass").getAsString().equals(key)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no shape class " + key + " in " + details);
    }

    private static void sameBits(JsonObject expected, JsonObject actual, String what) {
        for (int e = 0; e < 2; e++) {
            for (String key : List.of("trainLoss", "trainAccuracy", "testLoss", "testAccuracy")) {
                assertEquals(expected.getAsJsonArray("epochs").get(e).getAsJsonObject().get(key),
                        actual.getAsJsonArray("epochs").get(e).getAsJsonObject().get(key),
                        key + " of epoch " + (e + 1) + " with " + what + ", bit for bit");
            }
        }
    }
}

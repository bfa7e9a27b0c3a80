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
 * On the real runtime: a training run on the vector backend records in its result which kernel each
 * product class ran and the timings it was chosen by, and remembers the choices in the user's cache
 * folder ($XDG_CACHE_HOME), which {@code kernels} shows and {@code kernels --reset} forgets; a kernel
 * pinned by WORKBENCH_KERNEL gives the same numbers bit for bit; a bad one is refused naming the setting.
 */
class KernelsIT {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
    /** The forward product of the first layer, 64 x 784 by 784 x 32, and the class it falls in. */
    private static final Pattern FORWARD = Pattern.compile("\\[ab\\^T 64x32x1024 on (\\d+) threads?: (\\S+) ");

    @TempDir
    static Path work;

    private static IsolationIT.Ended workbench(String name, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(), "--home", WorkbenchRuntimeIT.HOME.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("WORKBENCH_KERNEL");
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        builder.environment().putAll(env);
        return IsolationIT.ended(builder, work.resolve(name));
    }

    private static JsonObject results(IsolationIT.Ended run) throws Exception {
        assertEquals(0, run.status(), run.err());
        return JsonParser.parseString(Files.readString(Path.of(run.lastLine()))).getAsJsonObject().getAsJsonObject("results");
    }

    @Test
    void aRunRecordsItsKernelsTheCacheKeepsThemAndAPinnedKernelGivesTheSameBits() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(FASHION), "Fashion-MNIST is not installed");
        Path descriptor = work.resolve("p4-tiny.json");
        try (InputStream in = KernelsIT.class.getResourceAsStream("/kernels/p4-tiny.json")) {
            Files.copy(in, descriptor);
        }
        Path cacheFile = work.resolve("cache").resolve("workbench").resolve("kernels.json");

        IsolationIT.Ended empty = workbench("empty", Map.of(), "kernels");
        assertEquals(0, empty.status(), empty.err());
        assertTrue(empty.out().contains(cacheFile + " (none yet)"), empty.out());

        JsonObject auto = results(workbench("auto", Map.of(), "run", descriptor.toString(), "--out",
                work.resolve("results").toString(), "--quiet"));
        String backend = auto.get("backend").getAsString();
        Matcher forward = FORWARD.matcher(backend);
        assertTrue(backend.startsWith("vector (") && backend.contains("kernels auto on ") && forward.find(), backend);
        if (backend.contains("measured now")) {
            IsolationIT.Ended json = workbench("json", Map.of(), "kernels", "--json");
            assertEquals(0, json.status(), json.err());
            JsonObject machines = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonObject("machines");
            assertEquals(1, machines.size(), json.out());
            JsonObject shapes = machines.entrySet().iterator().next().getValue().getAsJsonObject();
            String key = "ab^T 64x32x1024 on " + forward.group(1) + (forward.group(1).equals("1") ? " thread" : " threads");
            assertEquals(forward.group(2), shapes.getAsJsonObject(key).get("plan").getAsString(), json.out());
            assertTrue(shapes.getAsJsonObject(key).getAsJsonObject("micros").size() >= 1, json.out());
        } else {
            assertTrue(backend.contains("built in"), backend); // nothing compiled in time on a loaded machine: nothing kept
        }

        JsonObject pinned = results(workbench("pinned", Map.of("WORKBENCH_KERNEL", "256b-4x3-t1"), "run", descriptor.toString(),
                "--out", work.resolve("results").toString(), "--quiet"));
        assertTrue(pinned.get("backend").getAsString().contains("256b-4x3-t1 (pinned by WORKBENCH_KERNEL)"),
                pinned.get("backend").getAsString());
        for (int e = 0; e < 2; e++) {
            for (String key : List.of("trainLoss", "trainAccuracy", "testLoss", "testAccuracy")) {
                assertEquals(auto.getAsJsonArray("epochs").get(e).getAsJsonObject().get(key),
                        pinned.getAsJsonArray("epochs").get(e).getAsJsonObject().get(key), key + " of epoch " + (e + 1) + ", bit for bit");
            }
        }

        IsolationIT.Ended bad = workbench("bad", Map.of("WORKBENCH_KERNEL", "fastest"), "run", descriptor.toString(),
                "--out", work.resolve("results").toString(), "--quiet");
        assertNotEquals(0, bad.status());
        assertTrue(bad.err().contains("WORKBENCH_KERNEL: unknown kernel 'fastest'"), bad.err());

        IsolationIT.Ended reset = workbench("reset", Map.of(), "kernels", "--reset");
        assertEquals(0, reset.status(), reset.err());
        assertFalse(Files.exists(cacheFile));
    }
}

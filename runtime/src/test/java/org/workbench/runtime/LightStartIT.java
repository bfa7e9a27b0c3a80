package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A light run as {@code ./workbench} starts it: without the SIMD module
 * ({@code -Dworkbench.vectorModule=skipped}), the vector backend's bundle is left unstarted without a
 * warning and the results are those of a start with the module; the next such start reuses the bundle
 * cache and the system bundle's exports kept with it.
 */
class LightStartIT {
    @TempDir
    Path work;

    @Test
    void aLightRunWithoutTheSimdModuleGivesTheSameResultsQuietly() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Run with = run(plugins, "with", List.of("--add-modules", "jdk.incubator.vector"));
        Run without = run(plugins, "without", List.of("-Dworkbench.vectorModule=skipped"));
        assertEquals(0, without.status(), without.err());
        assertFalse(without.err().contains("warning"), without.err());
        assertFalse(without.err().contains("backend-vector"), without.err());
        assertEquals(with.results(), without.results());

        Run again = run(plugins, "again", List.of("-Dworkbench.vectorModule=skipped"));
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("bundles found in the reused cache"), again.err());
        assertTrue(again.err().contains("(system packages kept)"), again.err());
        assertEquals(with.results(), again.results());
    }

    private record Run(int status, String err, JsonObject results) {
    }

    /** Runs p1 in a JVM of the distribution with {@code flags}; its results section and standard error. */
    private Run run(Path plugins, String name, List<String> flags) throws IOException, InterruptedException {
        Path out = work.resolve(name);
        Path err = work.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        command.addAll(flags);
        command.addAll(List.of("-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(),
                "--home", WorkbenchRuntimeIT.HOME.toString(), "--plugins", plugins.toString(), "run",
                WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toString(), "--out", out.toString(), "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(work.resolve(name + ".out").toFile());
        pb.environment().put("WORKBENCH_TIMING", "1");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + ": no end within 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        JsonObject results = null;
        try (var files = Files.walk(out)) {
            Path result = files.filter(f -> f.getFileName().toString().equals("result.json")).findFirst().orElse(null);
            if (result != null) {
                results = JsonParser.parseString(Files.readString(result)).getAsJsonObject().getAsJsonObject("results");
            }
        }
        return new Run(p.exitValue(), stderr, results);
    }
}

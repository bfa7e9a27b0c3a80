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
 * cache, the system bundle's exports and SCR's parsed component descriptors kept with it.
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
        // SCR's parsed component descriptors are kept with the cache too (no plugin in the folder)
        assertTrue(again.err().contains("(component descriptors kept)"), again.err());
        assertEquals(with.results(), again.results());
    }

    /**
     * A light run names its providers ({@code -Dworkbench.uses}, as {@code ./workbench} passes them): the
     * bundles of the providers it does not name are left unstarted, and the run's {@code result.json} is
     * that of a start of every bundle but for when it ran; with no plugin jar they are not even
     * installed, with one they are. A list that leaves out a provider the run needs
     * makes the engine call the input invalid at that start: the launcher starts the rest and asks again,
     * with the same result and nothing printed twice.
     */
    @Test
    void aLightRunStartsOnlyTheBundlesOfTheProvidersItNamesWithTheSameResult() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        List<String> light = List.of("-Dworkbench.vectorModule=skipped");
        Run full = run(plugins, "full", light);
        assertEquals(0, full.status(), full.err());
        assertTrue(Files.isRegularFile(WorkbenchRuntimeIT.HOME.resolve(ProviderBundles.FILE)),
                "a start of every bundle writes the engine's index of which bundle provides what");
        assertFalse(full.err().contains("left unstarted"), full.err());

        List<String> named = new ArrayList<>(light);
        named.add("-Dworkbench.uses=gaussian-mean,gaussian-sample,gaussian,");
        Run fewer = run(plugins, "fewer", named);
        assertEquals(0, fewer.status(), fewer.err());
        assertTrue(fewer.err().contains("left unstarted"), fewer.err());
        assertTrue(fewer.err().contains("of them not installed") && !fewer.err().contains(" 0 of them not installed"),
                "with no plugin jar, the bundles left unstarted are not even installed: " + fewer.err());
        assertFalse(fewer.err().contains("asking again"), fewer.err());
        assertEquals(full.text(), fewer.text());

        // a jar in the plugins folder (here not even a bundle): every bundle is installed, as a plugin
        // may need any of them to resolve; the same result
        Path withJar = Files.createDirectories(work.resolve("plugins-with-a-jar"));
        PluginJars.drop(PluginJars.notABundle(work.resolve("junk.jar")), withJar, "junk.jar");
        Run installed = run(withJar, "installed", named);
        assertEquals(0, installed.status(), installed.err());
        assertTrue(installed.err().contains(" 0 of them not installed"), installed.err());
        assertFalse(installed.err().contains("component descriptors kept"), installed.err());
        assertEquals(full.text(), installed.text());

        List<String> incomplete = new ArrayList<>(light);
        incomplete.add("-Dworkbench.uses=gaussian-mean");
        Run again = run(plugins, "incomplete", incomplete);
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("asking again"), again.err());
        assertFalse(again.err().contains("error:"), again.err());
        assertEquals(full.text(), again.text());
        assertEquals(1, Files.readAllLines(work.resolve("incomplete.out")).size(), "one result.json path, printed once");
    }

    /**
     * {@code help} asks for no provider: {@code ./workbench} names none, and it prints the same
     * ({@code --version} starts no framework at all: {@link VersionTextIT}).
     */
    @Test
    void theHelpStartsNoProviderBundleAndPrintsTheSame() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        for (String command : List.of("help")) {
            String[] all = command(plugins, command, List.of());
            String[] none = command(plugins, command, List.of("-Dworkbench.uses=-"));
            assertTrue(none[1].contains("left unstarted"), none[1]);
            assertEquals(all[0], none[0]);
        }
    }

    /** Standard output and error of one command in a JVM of the distribution, with the SIMD module (as {@code ./workbench} starts these). */
    private String[] command(Path plugins, String command, List<String> flags) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "--add-modules",
                "jdk.incubator.vector"));
        line.addAll(flags);
        line.addAll(List.of("-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(), "--home",
                WorkbenchRuntimeIT.HOME.toString(), "--plugins", plugins.toString(), command));
        Path err = Files.createTempFile(work, "command", ".err");
        ProcessBuilder pb = new ProcessBuilder(line).redirectError(err.toFile());
        pb.environment().put("WORKBENCH_TIMING", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + ": no end within 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        return new String[] {out, stderr};
    }

    private record Run(int status, String err, JsonObject results, String text) {
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
        String text = null;
        try (var files = Files.walk(out)) {
            Path result = files.filter(f -> f.getFileName().toString().equals("result.json")).findFirst().orElse(null);
            if (result != null) {
                text = Files.readString(result);
                results = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("results");
                // all but when it ran
                text = text.replaceAll("\"(startedAt|durationMs)\": *(\"[^\"]*\"|[0-9]+)", "\"$1\": _");
            }
        }
        return new Run(p.exitValue(), stderr, results, text);
    }
}

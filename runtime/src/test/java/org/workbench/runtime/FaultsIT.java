package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * A bad plugin built in the test ({@link FaultyPlugin}) on the real runtime: whatever its component
 * does (exit, halt, out of memory, stack overflow, a hang), that run alone ends with exit 1 and a
 * message naming the provider and its bundle, nothing is written, and the runtime serves the next
 * command; a jar replaced during a run takes effect for the next run only.
 */
class FaultsIT {
    static final String NAMED = " (bundle test.faulty)";

    @TempDir
    static Path work;
    static Path plugins;
    static Launcher launcher;
    static ServiceWaiter faulty;

    @BeforeAll
    static void boot() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(FaultyPlugin.build(work, "1.0.0"), plugins, "faulty.jar");
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        faulty = new ServiceWaiter(launcher.framework().getBundleContext(),
                "(&(objectClass=org.workbench.api.Provider)(workbench.name=faulty))");
        faulty.await(refs -> refs.size() == 1, 10_000, "the faulty prior");
    }

    @AfterAll
    static void shutdown() throws Exception {
        faulty.close();
        launcher.close();
    }

    static Path descriptor(String how, String extra) throws Exception {
        return descriptorIn(work, how, extra);
    }

    /** A gaussian-mean descriptor in {@code folder} whose prior is the faulty one, misbehaving as {@code how} says. */
    static Path descriptorIn(Path folder, String how, String extra) throws Exception {
        Path file = folder.resolve(how + ".json");
        Files.writeString(file, "{\"format\":1,\"name\":\"faulty-" + how + "\",\"task\":{\"use\":\"gaussian-mean\"},"
                + "\"components\":{\"data\":{\"use\":\"inline\",\"with\":{\"values\":[0.5,1.5]}},"
                + "\"prior\":{\"use\":\"faulty\",\"with\":{\"how\":\"" + how + "\"" + extra + "}},"
                + "\"likelihood\":{\"use\":\"gaussian\",\"with\":{\"variance\":1}}}}");
        return file;
    }

    static WorkbenchRuntimeIT.Outcome run(Path file, String... options) throws Exception {
        String[] args = new String[3 + options.length];
        args[0] = "run";
        args[1] = file.toString();
        args[2] = "--out=" + work.resolve("results");
        System.arraycopy(options, 0, args, 3, options.length);
        return PluginsIT.executeOn(launcher, args);
    }

    static void failsNamingTheProvider(String how, String what, String... options) throws Exception {
        WorkbenchRuntimeIT.Outcome o = run(descriptor(how, ""), options);
        assertEquals(1, o.status(), how + ": " + o.err());
        assertTrue(o.err().contains("prior 'faulty' 1.0.") && o.err().contains(NAMED) && o.err().contains(what), how + ": " + o.err());
        assertTrue(o.err().lines().count() < 12, "no long stack trace: " + o.err());
        assertFalse(Files.exists(work.resolve("results/faulty-" + how)), "nothing written for " + how);
        assertEquals(0, run(SoakIT.GRADIENTS).status(), "the runtime serves the next run after " + how);
    }

    @Test
    void exitAndHaltAreRefused() throws Exception {
        failsNamingTheProvider("exit", "tried to end the runtime (System.exit(3)");
        failsNamingTheProvider("halt", "tried to end the runtime (Runtime.halt(4)");
    }

    @Test
    void outOfMemoryAndStackOverflowEndTheirOwnRun() throws Exception {
        failsNamingTheProvider("oom", "ran out of memory");
        failsNamingTheProvider("overflow", "overflowed the stack");
    }

    @Test
    void aHangEndsAtTheTimeout() throws Exception {
        failsNamingTheProvider("hang", "timed out after 1 s", "--timeout", "1");
    }

    @Test
    void aJarReplacedDuringARunTakesEffectForTheNextRun() throws Exception {
        Path gate = work.resolve("gate");
        Path file = descriptor("late", ",\"gate\":\"" + gate.toString().replace("\\", "\\\\") + "\"");
        CompletableFuture<WorkbenchRuntimeIT.Outcome> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path waiting = work.resolve("waiting");
        while (!Files.exists(waiting) && !running.isDone()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        PluginJars.drop(FaultyPlugin.build(work, "1.0.1"), plugins, "faulty.jar");
        faulty.await(refs -> refs.size() == 1 && refs.get(0).getBundle().getVersion().toString().equals("1.0.1"),
                10_000, "the replaced faulty prior");
        Files.writeString(gate, "go");
        WorkbenchRuntimeIT.Outcome o = running.get(60, TimeUnit.SECONDS);
        assertEquals(0, o.status(), o.err());
        assertEquals("1.0.0", version(o), "the run keeps the version it resolved");
        assertEquals("1.0.1", version(run(descriptor("ok", ""))), "the next run takes the replacement");
    }

    /**
     * SIGTERM while the third point of a plotted sweep waits at a gate, the first two finished with
     * their plots: deterministic (no race between the signal and the sweep's end), the process says
     * what it stopped, keeps exactly the finished points and names the --resume command.
     */
    @Test
    void sigtermDuringASweepWithPlotsLeavesNoHalfWrittenFilesAndSaysSo() throws Exception {
        Path folder = Files.createDirectories(work.resolve("sigterm"));
        Path file = folder.resolve("sweep-sigterm.json");
        Files.writeString(file, "{\"format\":1,\"name\":\"sweep-sigterm\",\"task\":{\"use\":\"gaussian-mean\"},"
                + "\"components\":{\"data\":{\"use\":\"inline\",\"with\":{\"values\":[0.5,1.5]}},"
                + "\"prior\":{\"use\":\"faulty\",\"with\":{\"how\":\"ok\",\"gate\":\"" + folder.resolve("gate") + "\"}},"
                + "\"likelihood\":{\"use\":\"gaussian\",\"with\":{\"variance\":1}}},"
                + "\"sweep\":{\"prior.how\":[\"ok\",\"ok\",\"late\"]}}");
        Path out = work.resolve("sigterm-results");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(),
                "--home", WorkbenchRuntimeIT.HOME.toString(), "--plugins", plugins.toString(),
                "run", file.toString(), "--out", out.toString(), "--quiet", "--threads", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(work.resolve("sigterm.err").toFile()).start();
        Path experiment = out.resolve("sweep-sigterm");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && !(Files.exists(folder.resolve("waiting")) && writingPlots(experiment)
                && keptRecords(experiment) == 2) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertTrue(p.isAlive(), "the third point waits at its gate: " + Files.readString(work.resolve("sigterm.err")));
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(work.resolve("sigterm.err"));
        assertEquals(143, p.exitValue(), err);
        assertTrue(err.contains("workbench: stopped by SIGTERM: the run in progress is cancelled"), err);
        assertTrue(err.contains("the finished work is kept in") && err.contains("to finish it, run: ./workbench run "
                + file + " --out " + out + " --resume"), err);
        assertOnlyFinishedPoints(experiment);
        assertEquals(2, names(list(experiment).get(0).resolve(".sweep").resolve("points")).size(),
                "the two finished points are kept");
    }

    /**
     * The one run folder under {@code experiment} is unfinished and holds its resume state and the
     * folders of the points it kept a record of, and its log.txt, and nothing else: no file of a point that did not
     * finish, no file written after the run's clean-up.
     */
    static void assertOnlyFinishedPoints(Path experiment) throws java.io.IOException {
        List<Path> runs = list(experiment);
        assertEquals(1, runs.size(), runs.toString());
        Path run = runs.get(0);
        assertTrue(run.getFileName().toString().startsWith(".incomplete-"), run.toString());
        java.util.Set<String> top = new java.util.TreeSet<>(names(run));
        top.removeAll(java.util.Set.of(".sweep", "points", "log.txt"));
        assertEquals(java.util.Set.of(), top, "nothing but the resume state, the run's log and finished points");
        java.util.Set<String> recorded = new java.util.TreeSet<>();
        for (String record : names(run.resolve(".sweep").resolve("points"))) {
            assertTrue(record.matches("\\d+\\.json"), "a whole record, never a .tmp: " + record);
            recorded.add(record.replace(".json", ""));
        }
        assertTrue(!recorded.isEmpty(), "the folder is kept only for finished points");
        assertEquals(recorded, new java.util.TreeSet<>(names(run.resolve("points"))),
                "every point folder left is a finished point's");
    }

    private static List<Path> list(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    private static List<String> names(Path folder) throws java.io.IOException {
        return list(folder).stream().map(f -> f.getFileName().toString()).toList();
    }

    /**
     * A 20 MB descriptor (a million inline numbers) runs in seconds, writes a result.json of a few
     * kilobytes that refers to the data kept once in inputs/descriptor.json, and resumes: a sweep
     * whose second point fails is published partial, its resume state holds the data's hash, not
     * the data, and --resume takes it up (the failing point fails again, the run is not refused).
     */
    @Test
    void aLargeDescriptorKeepsResultJsonSmallAndResumes() throws Exception {
        StringBuilder values = new StringBuilder(22_000_000).append('[');
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < 1_200_000; i++) {
            values.append(i == 0 ? "" : ",").append(r.nextInt(4)).append('.')
                    .append(Long.toString(1_000_000_000_000_000L + Math.floorMod(r.nextLong(), 1_000_000_000_000_000L)), 1, 16);
        }
        values.append(']');
        Path file = work.resolve("large.json");
        Files.writeString(file, "{\"format\":1,\"name\":\"large\",\"task\":{\"use\":\"gaussian-mean\",\"with\":"
                + "{\"plots\":false}},\"components\":{\"data\":{\"use\":\"inline\",\"with\":{\"values\":" + values
                + "}},\"prior\":{\"use\":\"faulty\",\"with\":{\"how\":\"ok\"}},\"likelihood\":{\"use\":\"gaussian\","
                + "\"with\":{\"variance\":1}}},\"sweep\":{\"prior.how\":[\"ok\",\"exit\"]}}");
        assertTrue(Files.size(file) > 20_000_000, Files.size(file) + " bytes");
        Path out = work.resolve("large-results");
        WorkbenchRuntimeIT.Outcome partial = PluginsIT.executeOn(launcher, "run", file.toString(), "--out", out.toString());
        assertEquals(1, partial.status(), partial.err());
        assertTrue(partial.err().contains("1 of 2 points failed"), partial.err());
        List<Path> runs = list(out.resolve("large"));
        assertEquals(1, runs.size());
        Path result = runs.get(0).resolve("result.json");
        assertTrue(Files.size(result) < 16_000, "result.json holds the results, not the data: " + Files.size(result));
        assertTrue(Files.size(runs.get(0).resolve(".sweep/run.json")) < 4_000, "the resume state holds the data's hash");
        com.google.gson.JsonObject ref = JsonParser.parseString(Files.readString(result)).getAsJsonObject()
                .getAsJsonObject("provenance").getAsJsonObject("effectiveDescriptor").getAsJsonObject("components")
                .getAsJsonObject("data").getAsJsonObject("with").getAsJsonObject("values");
        assertEquals("inputs/descriptor.json#/components/data/with/values", ref.get("$ref").getAsString());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(values.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))), ref.get("sha256").getAsString());
        assertTrue(Files.readString(runs.get(0).resolve("inputs/descriptor.json")).contains(values),
                "the data is kept once, exactly as written");

        WorkbenchRuntimeIT.Outcome resumed = PluginsIT.executeOn(launcher, "run", file.toString(), "--out", out.toString(),
                "--resume");
        assertEquals(1, resumed.status(), "the same descriptor resumes (and its failing point fails again): "
                + resumed.err());
        assertFalse(resumed.err().contains("cannot resume"), resumed.err());
        assertEquals(runs, list(out.resolve("large")), "the resumed run takes the partial run's place");
    }

    /** The records of finished points in the experiment's unfinished folders. */
    static long keptRecords(Path experiment) throws java.io.IOException {
        if (!Files.isDirectory(experiment)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(experiment)) {
            return s.filter(f -> f.getParent().getFileName().toString().equals("points")
                    && f.getParent().getParent().getFileName().toString().equals(".sweep")
                    && f.getFileName().toString().matches("\\d+\\.json")).count();
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException changing) {
            return 0;
        }
    }

    /** Whether the run's temporary folder already holds a plot. */
    static boolean writingPlots(Path experiment) throws java.io.IOException {
        if (!Files.isDirectory(experiment)) {
            return false;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(experiment)) {
            return s.anyMatch(f -> f.toString().endsWith(".png"));
        } catch (java.io.UncheckedIOException changing) {
            return false;
        }
    }

    static String version(WorkbenchRuntimeIT.Outcome o) throws Exception {
        assertEquals(0, o.status(), o.err());
        return JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject()
                .getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("prior")
                .get("version").getAsString();
    }
}

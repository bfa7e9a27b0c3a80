package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        ExitGuard.install();
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
        failsNamingTheProvider("halt", "tried to end the runtime (System.exit(4)");
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

    @Test
    void sigtermDuringASweepWithPlotsLeavesNothingAndSaysSo() throws Exception {
        StringBuilder n = new StringBuilder("[1");
        for (int i = 2; i <= 300; i++) {
            n.append(',').append(i);
        }
        Path file = work.resolve("sweep300.json");
        Files.writeString(file, "{\"format\":1,\"name\":\"sweep300\",\"task\":{\"use\":\"gaussian-mean\"},"
                + "\"components\":{\"data\":{\"use\":\"gaussian-sample\",\"with\":{\"n\":10}},"
                + "\"prior\":{\"use\":\"gaussian\",\"with\":{\"mean\":0,\"variance\":4}},"
                + "\"likelihood\":{\"use\":\"gaussian\",\"with\":{\"variance\":1}}},\"sweep\":{\"data.n\":" + n + "]}}");
        Path out = work.resolve("sigterm-results");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(),
                "--home", WorkbenchRuntimeIT.HOME.toString(), "--plugins", work.resolve("no-plugins").toString(),
                "run", file.toString(), "--out", out.toString(), "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(work.resolve("sigterm.err").toFile()).start();
        Path experiment = out.resolve("sweep300");
        while (p.isAlive() && !writingPlots(experiment)) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertTrue(p.isAlive(), "the sweep ended before it could be stopped");
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(work.resolve("sigterm.err"));
        assertEquals(143, p.exitValue(), err);
        assertTrue(err.contains("workbench: stopped by SIGTERM: the run in progress is cancelled"), err);
        assertFalse(Files.exists(out), "nothing is left: " + err);
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

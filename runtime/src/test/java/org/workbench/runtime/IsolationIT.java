package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protections without a security manager, on real processes of the distribution: the JVM runs
 * with {@code -Djava.security.manager=disallow} (as Java 24 and later always do), so a plugin's
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} are refused by the weaving
 * hook alone; a plugin that hangs ignoring interruption is ended with its child JVM under
 * {@code --isolate}; and, when Temurin 25 is installed, a small experiment, a refused exit and a
 * hang without {@code --isolate} on Java 25 through {@code ./workbench}.
 */
class IsolationIT {
    /** Where this machine keeps Java 25 (the IT that needs it is skipped, saying so, when it is missing). */
    static final Path JAVA_25 = Path.of(System.getProperty("workbench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)");

    @TempDir
    static Path work;
    static Path plugins;

    @BeforeAll
    static void plugin() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(FaultyPlugin.build(work, "1.0.0"), plugins, "faulty.jar");
    }

    /** How a process ended, and when ({@link System#currentTimeMillis()}). */
    record Ended(int status, String out, String err, long endedAt) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** {@code java -Djava.security.manager=disallow -jar workbench.jar ARGS} in {@code folder}, to its end. */
    static Ended workbench(Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=disallow", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(),
                "--home", WorkbenchRuntimeIT.HOME.toString(), "--plugins", plugins.toString()));
        command.addAll(List.of(args));
        return ended(new ProcessBuilder(command), folder);
    }

    static Ended ended(ProcessBuilder builder, Path folder) throws Exception {
        Files.createDirectories(folder);
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        Process p = builder.directory(folder.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a generous bound for a loaded machine: every process here ends by itself well before
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the workbench did not end within 300 s: " + Files.readString(err));
        }
        return new Ended(p.exitValue(), Files.readString(out), Files.readString(err), System.currentTimeMillis());
    }

    static Path descriptor(Path folder, String how, String extraTopLevel) throws Exception {
        Files.createDirectories(folder);
        Path file = FaultsIT.descriptorIn(folder, how, ",\"gate\":\"" + folder.resolve("gate").toString().replace("\\", "\\\\")
                + "\"");
        if (!extraTopLevel.isEmpty()) {
            String text = Files.readString(file);
            Files.writeString(file, "{" + extraTopLevel + "," + text.substring(1));
        }
        return file;
    }

    /** Whether any result or unfinished folder of the experiment is left. */
    static List<Path> leftUnder(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(results)) {
            return all.filter(p -> !p.equals(results) && Files.isDirectory(p)
                    && (p.getFileName().toString().startsWith(".incomplete-") || Files.exists(p.resolve("result.json"))))
                    .toList();
        }
    }

    @Test
    void exitHaltAndAnExitReferenceAreRefusedWithoutASecurityManager() throws Exception {
        Path folder = work.resolve("exits");
        Path results = folder.resolve("results");
        Path ok = WorkbenchRuntimeIT.EXPERIMENTS.resolve("p3-2-gradients-inline.json").toAbsolutePath();
        Ended e = workbench(folder, "run", descriptor(folder, "exit", "").toString(),
                descriptor(folder, "halt", "").toString(), descriptor(folder, "exit-reference", "").toString(),
                ok.toString(), "--out=" + results);
        assertEquals(1, e.status(), e.err());
        for (String call : List.of("System.exit(3)", "Runtime.halt(4)", "Runtime.exit(5)")) {
            assertTrue(e.err().contains("prior 'faulty' 1.0.0 (bundle test.faulty) tried to end the runtime (" + call
                    + "); refused"), call + ": " + e.err());
        }
        assertTrue(e.lastLine().endsWith("result.json") && e.lastLine().contains("p3-2-gradients-inline"),
                "the runtime went on to the next descriptor: " + e.out() + e.err());
        assertFalse(Files.exists(results.resolve("faulty-exit")) || Files.exists(results.resolve("faulty-halt"))
                || Files.exists(results.resolve("faulty-exit-reference")), "nothing written for the refused runs");
        assertFalse(e.err().contains("security manager") || e.err().contains("SecurityManager"), e.err());
    }

    @Test
    void anIsolatedRunThatIgnoresInterruptionIsKilledAtItsTimeout() throws Exception {
        Path folder = work.resolve("stubborn-isolated");
        Path results = folder.resolve("results");
        // the flag on the command line here; the descriptor's "isolate": true does the same (below)
        Ended e = workbench(folder, "run", descriptor(folder, "stubborn", "").toString(), "--isolate", "--timeout", "5",
                "--out=" + results);
        assertEquals(1, e.status(), e.err());
        assertTrue(Files.exists(folder.resolve("hanging")), "the child reached the plugin's hang: " + e.err());
        assertTrue(e.err().contains("timed out after 5 s") && e.err().contains("was killed")
                && e.err().contains("nothing was written"), e.err());
        long hung = Files.getLastModifiedTime(folder.resolve("hanging")).toMillis();
        assertTrue(e.endedAt() - hung < 5_000 + 15_000, "ended at the timeout, not later: "
                + (e.endedAt() - hung) + " ms after the hang began");
        Matcher pid = PID.matcher(e.err());
        assertTrue(pid.find(), e.err());
        assertFalse(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false),
                "the child JVM is gone");
        assertEquals(List.of(), leftUnder(results), "no result or unfinished folder");
    }

    @Test
    void aDescriptorAsksForIsolationAndItsRunIsANormalOne() throws Exception {
        Path folder = work.resolve("isolated-ok");
        Path results = folder.resolve("results");
        Ended e = workbench(folder, "run", descriptor(folder, "ok", "\"isolate\":true").toString(), "--out=" + results);
        assertEquals(0, e.status(), e.err());
        assertTrue(e.lastLine().endsWith("result.json") && Files.exists(Path.of(e.lastLine())), e.out());
    }

    @Test
    void onJava25ASmallExperimentRunsAnExitIsRefusedAndAHangEndsTheProcess() throws Exception {
        Path java = JAVA_25.resolve("bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java), "skipped: no Java 25 at " + JAVA_25
                + " (set -Dworkbench.java25=JAVA_HOME to run it)");
        Path script = WorkbenchRuntimeIT.HOME.resolve("../../../workbench").normalize();
        Path folder = work.resolve("java25");
        Path results = folder.resolve("results");
        Path p1 = WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toAbsolutePath();
        // one process: p1, a refused exit, then a hang that ignores interruption, which ends the process
        ProcessBuilder run = new ProcessBuilder(script.toString(), "run", p1.toString(),
                descriptor(folder, "exit", "").toString(), descriptor(folder, "stubborn", "\"timeout\":2").toString(),
                "--out=" + results, "--plugins", plugins.toString());
        run.environment().put("JAVA_HOME", JAVA_25.toString());
        Ended e = ended(run, folder);
        assertEquals(1, e.status(), e.err());
        assertTrue(e.lastLine().endsWith("result.json") && Pattern.compile("\"java\"\\s*:\\s*\"[^\"]* 25\\.")
                .matcher(Files.readString(Path.of(e.lastLine()))).find(), "p1 ran on Java 25: " + e.out() + e.err());
        assertTrue(e.err().contains("tried to end the runtime (System.exit(3)); refused"), e.err());
        assertTrue(e.err().contains("timed out after 2 s") && e.err().contains("cannot stop a thread")
                && e.err().contains("--isolate"), "the hang (last) ended the process: " + e.err());
        assertFalse(e.err().contains("Unsafe") || e.err().contains("SecurityManager"), "no warnings but the "
                + "incubator module's: " + e.err());
        assertEquals(List.of(), leftUnder(results.resolve("faulty-stubborn")), "no result or unfinished folder");
    }
}

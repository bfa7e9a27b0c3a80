package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Ctrl-C in a real terminal: {@code ./workbench run} in a pseudo-terminal ({@code script}), with
 * Ctrl-C typed into it, so that the terminal signals the whole foreground process group (the JVM
 * and the launcher's standard-error filter alike) as a user's terminal does. The terminal shows
 * what was stopped and the exact {@code --resume} command, and that command finishes the run.
 */
class CtrlCIT {
    @TempDir
    static Path work;

    @Test
    void ctrlCInATerminalPrintsTheResumeCommandThatFinishesTheRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed");
        Path root = checkout();
        Path gate = work.resolve("gate");
        Path file = work.resolve("ctrl-c.json");
        Files.writeString(file, "{\"format\":1,\"name\":\"ctrl-c\",\"task\":{\"use\":\"gaussian-mean\",\"with\":{\"plots\":false}},"
                + "\"components\":{\"data\":{\"use\":\"inline\",\"with\":{\"values\":[0.5,1.5]}},\"prior\":{\"use\":\"faulty\","
                + "\"with\":{\"how\":\"ok\",\"gate\":\"" + gate + "\"}},\"likelihood\":{\"use\":\"gaussian\",\"with\":"
                + "{\"variance\":1}}},\"sweep\":{\"prior.how\":[\"ok\",\"late\"]}}");
        Path out = work.resolve("results");
        Path screen = work.resolve("screen.txt");
        String command = root.resolve("workbench") + " run " + file + " --out " + out + " --quiet --threads 1";
        Process terminal = new ProcessBuilder("script", "-qfc", command, "/dev/null").directory(work.toFile())
                .redirectOutput(screen.toFile()).redirectErrorStream(true).start();
        try (OutputStream keys = terminal.getOutputStream()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(Files.exists(work.resolve("waiting")) && FaultsIT.keptRecords(out.resolve("ctrl-c")) == 1)
                    && terminal.isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            assertTrue(terminal.isAlive() && Files.exists(work.resolve("waiting")), "the first point is kept and the second running: "
                    + Files.readString(screen));
            keys.write(3); // Ctrl-C
            keys.flush();
            assertTrue(terminal.waitFor(60, TimeUnit.SECONDS), "the run stops: " + Files.readString(screen));
        } finally {
            terminal.destroyForcibly();
        }
        String shown = Files.readString(screen, StandardCharsets.UTF_8).replace("\r", "");
        assertTrue(shown.contains("workbench: stopped by SIGINT: the run in progress is cancelled"), shown);
        String resume = "./workbench run " + file + " --out " + out + " --resume";
        assertTrue(shown.contains("to finish it, run: " + resume), shown);

        Files.writeString(gate, "open");
        Process again = new ProcessBuilder("bash", root.resolve("workbench").toString(), "run", file.toString(), "--out",
                out.toString(), "--quiet", "--resume").directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("resumed.txt").toFile()).start();
        assertTrue(again.waitFor(180, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(work.resolve("resumed.txt"));
        assertEquals(0, again.exitValue(), String.join("\n", lines));
        JsonObject doc = JsonParser.parseString(Files.readString(Path.of(lines.get(lines.size() - 1)))).getAsJsonObject();
        assertEquals("ok", doc.get("status").getAsString());
        assertEquals(2, doc.getAsJsonArray("points").size());
    }

    /**
     * A checkout for {@code ./workbench} around the distribution under test: the script itself, the
     * distribution and experiments linked, a plugins folder with the faulty plugin, and sources
     * older than the distribution (so the script starts it and never builds).
     */
    private static Path checkout() throws Exception {
        Path root = Files.createDirectories(work.resolve("checkout"));
        Path script = Path.of(System.getProperty("workbench.script", "../workbench")).toAbsolutePath().normalize();
        Files.copy(script, root.resolve("workbench"));
        root.resolve("workbench").toFile().setExecutable(true);
        Files.createDirectories(root.resolve("runtime/target"));
        Files.createSymbolicLink(root.resolve("runtime/target/dist"), WorkbenchRuntimeIT.HOME.toAbsolutePath().normalize());
        Files.createSymbolicLink(root.resolve("experiments"), WorkbenchRuntimeIT.EXPERIMENTS.toAbsolutePath().normalize());
        Files.createDirectories(root.resolve("bundles"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        FileTime old = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));
        for (Path p : List.of(root.resolve("pom.xml"), root.resolve("bundles"))) {
            Files.setLastModifiedTime(p, old);
        }
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        PluginJars.drop(FaultyPlugin.build(work, "1.0.0"), plugins, "faulty.jar");
        try (Stream<Path> s = Files.list(plugins)) {
            assertEquals(1, s.count());
        }
        return root;
    }
}

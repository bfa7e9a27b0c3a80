package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./workbench} script's choice of JIT for a run: the quick JIT alone for a small run of a
 * light task, the full JIT once its sample is large (100,000 values or more), where C1's code formats
 * and hashes a generated sample 2.5 times slower.
 */
class LightRunScriptTest {
    private static final String P1 = "{\"format\": 1, \"name\": \"p1\", \"task\": { \"use\": \"gaussian-mean\" },"
            + " \"components\": { \"data\": { \"use\": \"gaussian-sample\", \"with\": { \"n\": %s } } } }";

    @TempDir
    Path dir;

    @Test
    void aSmallRunOfALightTaskIsLight() throws Exception {
        Path p1 = descriptor("20");
        assertEquals("light", choice(p1.toString()));
        assertEquals("light", choice(p1.toString(), "--set", "data.n=5000", "--sweep=data.mean=1,2,3"));
    }

    @Test
    void aLargeSampleGetsTheFullJit() throws Exception {
        Path p1 = descriptor("20");
        assertEquals("full", choice(p1.toString(), "--set", "data.n=100000000"));
        assertEquals("full", choice(p1.toString(), "--set=data.n=100000"));
        assertEquals("full", choice(descriptor("1000000").toString()));
        assertEquals("full", choice(p1.toString(), "--set", "task.use=gaussian-mean"));
    }

    private Path descriptor(String n) throws IOException {
        Path f = dir.resolve("p1-" + n + ".json");
        Files.writeString(f, String.format(P1, n), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void withoutTheEnginesListOfLightTasksNothingIsLight() throws Exception {
        Files.delete(dir.resolve("light-tasks"));
        assertEquals("full", choice(descriptor("20").toString()));
    }

    /** The list the engine writes after a run: the tasks that declare themselves light. */
    @org.junit.jupiter.api.BeforeEach
    void lightTasks() throws IOException {
        Files.writeString(dir.resolve("light-tasks"), "gaussian-mean\ngradient-check\n", StandardCharsets.UTF_8);
    }

    /** Runs the script's own {@code light_run} function on the arguments, with {@code dist} this test's folder. */
    private String choice(String... args) throws Exception {
        String script = Files.readString(Path.of("..", "workbench"), StandardCharsets.UTF_8);
        int start = script.indexOf("light_run() {");
        int end = script.indexOf("\n}\n", start) + 3;
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "dist=" + dir + "\n" + script.substring(start, end) + "\nif light_run \"$@\"; then echo light; else echo full; fi", "light"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }
}

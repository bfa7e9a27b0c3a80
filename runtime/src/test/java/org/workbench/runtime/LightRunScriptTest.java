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

    @Test
    void aLightRunStartsWithoutTheSimdModuleUnlessItNamesTheVectorBackend() throws Exception {
        Path p1 = descriptor("20");
        assertEquals("without", module(p1.toString(), "--out", "results"));
        assertEquals("with", module(p1.toString(), "--set", "backend.use=vector"));
        Path p3 = dir.resolve("p3.json");
        Files.writeString(p3, "{\"format\": 1, \"name\": \"p3\", \"task\": { \"use\": \"gradient-check\" },"
                + " \"components\": { \"backend\": { \"use\": \"vector\" } } }", StandardCharsets.UTF_8);
        assertEquals("light", choice(p3.toString()));
        assertEquals("with", module(p3.toString()), "its descriptor names the vector backend");
        assertEquals("with", module(p1.toString(), p3.toString()));
    }

    /**
     * A light run tells the runtime every provider it names ({@code -Dworkbench.uses}): each {@code "use"}
     * of its descriptors and each provider named by {@code --set} or {@code --sweep}.
     */
    @Test
    void aLightRunNamesEveryProviderItsDescriptorsAndOptionsUse() throws Exception {
        Path p1 = descriptor("20");
        assertEquals("gaussian-mean,gaussian-sample,", function("light_run", "$uses", "full", p1.toString()));
        assertEquals("gaussian-mean,gaussian-sample,laplace,gaussian,cauchy,",
                function("light_run", "$uses", "full", p1.toString(), "--set", "components.prior.use=laplace",
                        "--sweep=components.prior.use=gaussian,cauchy"));
    }

    /** Whether the script's {@code names_vector} keeps the SIMD module for a light run with these arguments. */
    private String module(String... args) throws Exception {
        return function("names_vector", "with", "without", args);
    }

    /** Runs the script's own {@code light_run} function on the arguments, with {@code dist} this test's folder. */
    private String choice(String... args) throws Exception {
        return function("light_run", "light", "full", args);
    }

    /** Runs one function of the script on the arguments: {@code yes} when it succeeds, else {@code no}. */
    private String function(String name, String yes, String no, String... args) throws Exception {
        String script = Files.readString(Path.of("..", "workbench"), StandardCharsets.UTF_8);
        int start = script.indexOf(name + "() {");
        int end = script.indexOf("\n}\n", start) + 3;
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "dist=" + dir + "\n" + script.substring(start, end) + "\nif " + name + " \"$@\"; then echo " + yes
                        + "; else echo " + no + "; fi", name));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }
}

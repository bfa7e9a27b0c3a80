package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --version} (and {@code -V}) is answered from the distribution's files without starting the
 * framework, with the very lines the engine prints when asked through a started framework.
 */
class VersionTextIT {
    @TempDir
    Path work;

    @Test
    void theVersionsWithoutTheFrameworkAreTheEnginesVersions() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        String engine;
        try (Launcher launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, launcher.execute(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
            engine = out.toString(StandardCharsets.UTF_8);
        }
        assertTrue(engine.startsWith("workbench "), engine);
        for (String flag : List.of("--version", "-V")) {
            String[] answer = version(plugins, flag);
            assertEquals(engine, answer[0], flag);
            assertFalse(answer[1].contains("framework created"), "no framework starts for " + flag + ": " + answer[1]);
        }
    }

    /** Standard output and error of {@code flag} in a JVM of the distribution, with the start's phases on standard error. */
    private String[] version(Path plugins, String flag) throws Exception {
        Path err = work.resolve("version.err");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", WorkbenchRuntimeIT.HOME.resolve("workbench.jar").toString(),
                "--home", WorkbenchRuntimeIT.HOME.toString(), "--plugins", plugins.toString(), flag).redirectError(err.toFile());
        pb.environment().put("WORKBENCH_TIMING", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), flag + ": no end within 60 s");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        return new String[] {out, stderr};
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./workbench} script starts the distribution by its real path. A class-data archive names
 * the jar it was made with, and the JVM ignores an archive whose jar path does not exist: a checkout
 * whose {@code runtime/target/dist} is a link to another (as {@code CtrlCIT} makes) once made the shared
 * distribution's archive with the link's temporary path, and every later start of the real checkout
 * then ran without it (1,142 of 2,992 classes shared instead of 2,480; 0.1 s more a start).
 */
class ScriptDistPathTest {
    @TempDir
    Path dir;

    @Test
    void aDistributionReachedThroughALinkIsStartedAndArchivedByItsRealPath() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real/dist"));
        Files.writeString(real.resolve("workbench.jar"), "a jar");
        Path checkout = Files.createDirectories(dir.resolve("checkout/runtime/target")).getParent().getParent();
        Files.createSymbolicLink(checkout.resolve("runtime/target/dist"), real);
        Files.copy(Path.of("..", "workbench"), checkout.resolve("workbench"), StandardCopyOption.COPY_ATTRIBUTES);
        Path args = dir.resolve("args.txt");
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = javaHome.resolve("bin/java");
        // a java that records each start's arguments (and has no SIMD module to list)
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --list-modules) exit 0;; esac; done\n"
                + "printf '%s\\n' \"$@\" >> '" + args + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder start = new ProcessBuilder("./workbench", "--version").directory(checkout.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        start.environment().put("JAVA_HOME", javaHome.toString());
        Process p = start.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script did not end");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt")));

        List<String> lines = Files.readAllLines(args, StandardCharsets.UTF_8);
        String jar = real.toRealPath().resolve("workbench.jar").toString();
        List<String> jars = IntStream.range(1, lines.size()).filter(i -> lines.get(i - 1).equals("-jar"))
                .mapToObj(lines::get).toList();
        assertEquals(List.of(jar, jar), jars, "the archive's making and the start both name the real jar");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("-XX:ArchiveClassesAtExit=")), String.join("\n", lines));
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./workbench} script asks the JVM to map the class-data archive at the address it was made
 * for ({@code -XX:ArchiveRelocationMode=0}) on the Java versions known to have that diagnostic flag:
 * Java 17's updates took Java 20's default, which relocates every pointer of the archive at each start
 * (25 ms of CPU and 5,400 page faults more before main). A Java the script does not know gets no
 * such flag, since an unknown flag stops the JVM.
 */
class ScriptArchiveMappingTest {
    @TempDir
    Path dir;

    @Test
    void theArchiveIsMappedWhereItWasMadeOnTheJavaVersionsThatHaveTheFlag() throws Exception {
        List<String> on17 = start("17.0.15", 17);
        int archive = on17.indexOf("-XX:SharedArchiveFile=" + dir.resolve("checkout/runtime/target/dist/workbench-java17.jsa"));
        assertTrue(archive >= 0, "the start maps the archive: " + on17);
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"),
                on17.subList(on17.indexOf("-XX:+UnlockDiagnosticVMOptions"), on17.indexOf("-XX:+UnlockDiagnosticVMOptions") + 2),
                String.join("\n", on17));
        assertTrue(start("25.0.3", 25).contains("-XX:ArchiveRelocationMode=0"));
    }

    @Test
    void aJavaTheScriptDoesNotKnowGetsNoDiagnosticFlag() throws Exception {
        List<String> on26 = start("26", 26);
        assertTrue(on26.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=")), String.join("\n", on26));
        assertTrue(on26.stream().noneMatch(a -> a.contains("ArchiveRelocationMode") || a.contains("UnlockDiagnostic")),
                String.join("\n", on26));
    }

    /** The arguments of {@code ./workbench --version}'s JVM, on a Java of version {@code release} with an archive made for it. */
    private List<String> start(String release, int feature) throws Exception {
        Path checkout = dir.resolve("checkout");
        Path dist = Files.createDirectories(checkout.resolve("runtime/target/dist"));
        Files.copy(Path.of("..", "workbench"), checkout.resolve("workbench"), StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dist.resolve("workbench.jar"), "a jar");
        Files.setLastModifiedTime(dist.resolve("workbench.jar"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        // an archive made after the jar: the start uses it, and makes none
        Files.writeString(dist.resolve("workbench-java" + feature + ".jsa"), "an archive");
        Path args = dir.resolve("args-" + feature + ".txt");
        Path javaHome = Files.createDirectories(dir.resolve("jdk" + feature + "/bin")).getParent();
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"" + release + "\"\n");
        Path java = javaHome.resolve("bin/java");
        // a java that records the start's arguments (and has no SIMD module to list)
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --list-modules) exit 0;; esac; done\n"
                + "printf '%s\\n' \"$@\" > '" + args + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder start = new ProcessBuilder("./workbench", "--version").directory(checkout.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        start.environment().put("JAVA_HOME", javaHome.toString());
        Process p = start.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script did not end");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt")));
        return Files.readAllLines(args, StandardCharsets.UTF_8);
    }
}

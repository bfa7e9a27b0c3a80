package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link VersionText}: the record of the distribution's bundles answers only for jars still there. */
class VersionTextTest {
    @TempDir
    Path home;

    @Test
    void theRecordAnswersForItsJarsAndAJarGoneLeavesTheAnswerToTheFramework() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Files.write(home.resolve(BuiltInManifest.FILE), List.of("# the record",
                "00 bundles/api-1.4.0.jar org.workbench.api 1.4.0",
                "00 bundles/engine-1.0.0.jar org.workbench.engine 1.0.0"));
        Files.write(home.resolve("bundles/api-1.4.0.jar"), new byte[0]);
        Files.write(home.resolve("bundles/engine-1.0.0.jar"), new byte[0]);
        List<String> lines = VersionText.of(home).orElseThrow();
        assertEquals("workbench 1.0.0", lines.get(0));
        assertEquals("api org.workbench.api 1.4.0", lines.get(1));
        assertTrue(lines.get(2).startsWith("framework org.apache.felix.framework "), lines.get(2));

        Files.delete(home.resolve("bundles/engine-1.0.0.jar")); // replaced by hand, or deleted: the record is not the truth
        assertTrue(VersionText.of(home).isEmpty());
    }
}

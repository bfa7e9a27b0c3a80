package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.scaffold.PluginSpec;
import org.workbench.engine.scaffold.Scaffold;

/** The scaffold names its example for what it is, and lands outside the workbench's checkout by default. */
class NewPluginTest {
    @TempDir
    Path folder;

    @Test
    void theExampleIsNamedForWhatItImplementsNotForTheUsersName() throws Exception {
        PluginSpec spec = new PluginSpec("prior", "cauchy", "1.0.0", "org.example.workbench", "org.example.cauchy",
                "1.3.0", "Cauchy", "prior-cauchy");
        List<Path> files = new Scaffold().write(spec, folder.resolve("prior-cauchy"));
        assertTrue(files.contains(Path.of("src/main/java/org/example/cauchy/LogisticPrior.java")), files.toString());
        assertTrue(files.contains(Path.of("src/main/java/org/example/cauchy/CauchyPriorProvider.java")), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().equals("CauchyPrior.java")), files.toString());
        String provider = Files.readString(folder.resolve("prior-cauchy/src/main/java/org/example/cauchy/CauchyPriorProvider.java"));
        assertTrue(provider.contains("new LogisticPrior("), provider);
        assertTrue(Files.readString(folder.resolve("prior-cauchy/README.md")).contains("*example*"));
    }

    @Test
    void aTaskProjectComesWithItsLayoutAndADescriptorThatRunsIt() throws Exception {
        PluginSpec spec = new PluginSpec("task", "darts", "1.0.0", "org.example.workbench", "org.example.darts",
                "1.3.0", "Darts", "task-darts");
        Path project = folder.resolve("task-darts");
        List<Path> files = new Scaffold().write(spec, project);
        assertTrue(files.containsAll(List.of(Path.of("src/main/java/org/example/darts/MonteCarloPi.java"),
                Path.of("src/main/java/org/example/darts/DartsTaskProvider.java"),
                Path.of("src/test/java/org/example/darts/MonteCarloPiTest.java"), Path.of("darts-example.json"))),
                files.toString());
        for (Path f : files) {
            assertTrue(!Files.readString(project.resolve(f)).contains("{{"), f + " has a placeholder left");
        }
        String provider = Files.readString(project.resolve("src/main/java/org/example/darts/DartsTaskProvider.java"));
        assertTrue(provider.contains("implements TaskProvider") && provider.contains("public ResultLayout layout()"), provider);
        assertTrue(Files.readString(project.resolve("darts-example.json")).contains("\"use\": \"darts\""));
    }

    @Test
    void theDefaultFolderIsOutsideTheCheckout() throws Exception {
        Path checkout = Files.createDirectories(folder.resolve("checkout/bundles/api"));
        Files.writeString(folder.resolve("checkout/workbench"), "#!/bin/sh\n");
        Path inside = Files.createDirectories(folder.resolve("checkout/runtime"));
        Path home = folder.resolve("home");
        assertEquals(home.resolve("workbench-plugins/prior-cauchy"), NewPluginCommand.defaultFolder(inside, home, "prior-cauchy"));
        assertEquals(Path.of("prior-cauchy"), NewPluginCommand.defaultFolder(folder.resolve("elsewhere"), home, "prior-cauchy"));
        assertTrue(Files.isDirectory(checkout));
    }
}

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

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.workbench.engine.catalog.OnDemandBundles;
import org.workbench.engine.catalog.WebBundles;

/**
 * The distribution is declared once, in runtime/src/dist/distribution.properties: the built folders
 * hold exactly the artifacts it lists (the build's copy lists read it), the launcher starts the
 * folders it declares on demand, and the engine's folder names are among those. Reads files only:
 * no framework starts.
 */
class DistributionIT {
    private static final Path SOURCE = Path.of("src/dist").resolve(Distribution.FILE);
    private static final List<String> FOLDERS = List.of("lib", "shell", "cluster", "web", "http");

    @Test
    void theDistributionCarriesItsDeclaration() throws IOException {
        assertEquals(Files.readString(SOURCE), Files.readString(WorkbenchRuntimeIT.HOME.resolve(Distribution.FILE)),
                "the build copies runtime/src/dist/" + Distribution.FILE + " to the distribution's root");
    }

    @Test
    void everyDeclaredFolderHoldsExactlyItsArtifacts() throws IOException {
        Distribution declared = Distribution.read(SOURCE.getParent());
        for (String folder : FOLDERS) {
            assertEquals(new TreeSet<>(declared.artifacts(folder)), artifacts(WorkbenchRuntimeIT.HOME.resolve(folder)),
                    "dist/" + folder + " against dist." + folder + " in " + SOURCE);
        }
        List<String> elsewhere = new ArrayList<>();
        FOLDERS.forEach(f -> elsewhere.addAll(declared.artifacts(f)));
        TreeSet<String> inBundles = artifacts(WorkbenchRuntimeIT.HOME.resolve("bundles"));
        inBundles.retainAll(elsewhere);
        assertTrue(inBundles.isEmpty(), "dist/bundles holds artifacts declared for other folders: " + inBundles);
    }

    @Test
    void theOnDemandFoldersAreTheEnginesAndExist() throws IOException {
        List<String> onDemand = Distribution.read(WorkbenchRuntimeIT.HOME).onDemand();
        assertTrue(onDemand.containsAll(List.of(OnDemandBundles.CLUSTER, WebBundles.PAGES, WebBundles.HTTP)),
                "the engine starts folders the distribution does not declare on demand: " + onDemand);
        for (String folder : onDemand) {
            assertTrue(Files.isDirectory(WorkbenchRuntimeIT.HOME.resolve(folder)), "declared on demand but not built: "
                    + folder);
        }
    }

    /** The artifactIds of the jars in {@code folder}: each jar's name up to "-" and its version. */
    private static TreeSet<String> artifacts(Path folder) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                out.add(jar.getFileName().toString().replaceFirst("-\\d[^-]*(-[^-]*)?\\.jar$", "")
                        .replaceFirst("\\.jar$", ""));
            }
        }
        return out;
    }
}

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

    /**
     * Every class of the bundles that every start installs (dist/bundles) is Java 6 bytecode or newer:
     * the JVM leaves older classes that a bundle's class loader defines out of the class-data archive
     * that ./workbench makes, so each start would load and verify them again (picocli's published
     * jar, Java 5, cost 40-60 ms of the main thread's CPU at every command; bundles/lib-picocli).
     */
    @Test
    void theBundlesEveryStartLoadsAreArchivable() throws IOException {
        List<String> old = new ArrayList<>();
        try (Stream<Path> jars = Files.list(WorkbenchRuntimeIT.HOME.resolve("bundles"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                    long n = zip.stream().filter(e -> e.getName().endsWith(".class")
                            && !e.getName().startsWith("META-INF/")).filter(e -> majorVersion(zip, e) < JAVA_6).count();
                    if (n > 0) {
                        old.add(jar.getFileName() + " (" + n + " classes)");
                    }
                }
            }
        }
        assertTrue(old.isEmpty(), "bundles with classes older than Java 6, which the class-data archive cannot hold"
                + " (compile them for Java 17 from their sources, as bundles/lib-picocli does): " + old);
    }

    /** The class-file major version of Java 6, the oldest that the class-data archive holds from a bundle. */
    private static final int JAVA_6 = 50;

    private static int majorVersion(java.util.zip.ZipFile zip, java.util.zip.ZipEntry entry) {
        try (java.io.InputStream in = zip.getInputStream(entry)) {
            byte[] head = in.readNBytes(8);
            return head.length < 8 ? Integer.MAX_VALUE : ((head[6] & 0xff) << 8) | (head[7] & 0xff);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(zip.getName() + ": " + entry.getName(), e);
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

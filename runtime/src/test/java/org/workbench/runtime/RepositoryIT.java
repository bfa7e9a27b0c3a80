package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin repository (issue 23) on the real runtime, against a repository built here: three
 * versions of the example prior, the example optimizer made to import a package of Apache Commons
 * Math 3.6.1 (the real bundle from Maven Central), and one plugin that needs a version of it that
 * nobody offers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepositoryIT {
    static final Path PRIOR = Path.of(System.getProperty("workbench.example.plugin"));
    static final Path OPTIMIZER = Path.of(System.getProperty("workbench.example.optimizer"));
    static final Path MATH = Path.of(System.getProperty("workbench.commons.math"));
    static final Path DESCRIPTOR = Path.of(System.getProperty("workbench.example.descriptor"));
    static final String SPECIAL = "org.apache.commons.math3.special";

    @TempDir
    static Path work;
    static Path repo;
    /** A repository whose plugin needs a version of Commons Math that nobody offers. */
    static Path future;
    static Path plugins;
    static int step;

    record Outcome(int status, String out, String err) {
    }

    @BeforeAll
    static void repository() throws Exception {
        repo = Files.createDirectories(work.resolve("repo"));
        plugins = Files.createDirectories(work.resolve("plugins"));
        for (String v : List.of("1.0.0", "1.1.0", "1.2.0")) {
            PluginJars.withVersion(PRIOR, v, repo.resolve("prior-student-t-" + v + ".jar"));
        }
        withImport(OPTIMIZER, "org.example.optimizer-momentum", SPECIAL + ";version=\"[3.6,4)\"",
                repo.resolve("optimizer-momentum-1.0.0.jar"));
        future = Files.createDirectories(work.resolve("future"));
        withImport(OPTIMIZER, "org.example.optimizer-future", SPECIAL + ";version=\"[4.0,5)\"",
                future.resolve("optimizer-future-1.0.0.jar"));
        Files.copy(MATH, future.resolve(MATH.getFileName()));
        assertEquals(0, cli("repo", "index", future.toString(), "--gz").status());
        Files.copy(MATH, repo.resolve(MATH.getFileName()));
        Outcome index = cli("repo", "index", repo.toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(index.out().contains("5 bundles indexed"), index.out());
    }

    /** A copy of the optimizer as {@code symbolicName} that also imports {@code extra}. */
    static Path withImport(Path jar, String symbolicName, String extra, Path target) throws IOException {
        String imports;
        try (var in = new java.util.jar.JarFile(jar.toFile())) {
            imports = in.getManifest().getMainAttributes().getValue("Import-Package");
        }
        return PluginJars.withHeaders(jar, Map.of("Bundle-SymbolicName", symbolicName, "Import-Package",
                imports + "," + extra), target);
    }

    static Outcome cli(String... args) throws Exception {
        try (WorkbenchProcess p = WorkbenchProcess.start(work.resolve("step-" + (++step)), plugins, args)) {
            int status = p.exit();
            return new Outcome(status, p.stdout(), p.stderr());
        }
    }

    static List<String> pluginFiles() throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @Order(1)
    void searchListsProvidersAndBundlesWithTheirVersions() throws Exception {
        Outcome search = cli("search", "", "--repo", repo.toString());
        assertEquals(0, search.status(), search.err());
        assertTrue(search.out().matches("(?s).*prior/student-t\\s+1\\.2\\.0, 1\\.1\\.0, 1\\.0\\.0\\s+--repo\\s+Heavy-tailed.*"),
                search.out());
        assertTrue(search.out().contains("optimizer/momentum"), search.out());
        assertTrue(search.out().contains("bundle org.apache.commons.math3"), search.out());
        Outcome one = cli("search", "student", "--repo", repo.toString());
        assertFalse(one.out().contains("momentum"), one.out());
    }

    @Test
    @Order(2)
    void anUnresolvablePluginIsExplainedAndNothingIsWritten() throws Exception {
        Outcome install = cli("install", "org.example.optimizer-future", "--repo", future.toString());
        assertEquals(2, install.status(), install.out() + install.err());
        assertTrue(install.err().contains("org.example.optimizer-future 1.0.0 needs package " + SPECIAL
                + " [4.0.0,5.0.0): no repository offers it"), install.err());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    @Order(3)
    void aTamperedJarIsRefusedAndNothingIsWritten() throws Exception {
        Path copy = Files.createDirectories(work.resolve("tampered"));
        try (Stream<Path> s = Files.list(repo)) {
            for (Path p : s.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        assertEquals(0, cli("repo", "index", copy.toString()).status());
        Path jar = copy.resolve("commons-math3-3.6.1.jar");
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1;
        Files.write(jar, bytes);
        Outcome install = cli("install", "optimizer/momentum", "--repo", copy.toString());
        assertEquals(1, install.status(), install.out() + install.err());
        assertTrue(install.err().contains("is not the jar the index describes"), install.err());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    @Order(4)
    void installBringsTheLibraryAndUninstallOfTheLibraryIsRefused() throws Exception {
        Outcome dry = cli("install", "optimizer/momentum", "--dry-run", "--repo", repo.toString());
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("needed by org.example.optimizer-momentum 1.0.0 for package " + SPECIAL), dry.out());
        assertEquals(List.of(), pluginFiles());

        Outcome install = cli("install", "optimizer/momentum", "--repo", repo.toString());
        assertEquals(0, install.status(), install.err());
        assertEquals(List.of("org.apache.commons.math3-3.6.1.jar", "org.example.optimizer-momentum-1.0.0.jar"),
                pluginFiles());
        Outcome list = cli("list", "optimizer");
        assertTrue(list.out().contains("momentum"), list.out());

        Outcome uninstall = cli("uninstall", "org.apache.commons.math3");
        assertEquals(2, uninstall.status(), uninstall.out() + uninstall.err());
        assertTrue(uninstall.err().contains("needed by org.example.optimizer-momentum 1.0.0"), uninstall.err());
        assertTrue(Files.exists(plugins.resolve("org.apache.commons.math3-3.6.1.jar")));

        Outcome dependant = cli("uninstall", "optimizer/momentum");
        assertEquals(0, dependant.status(), dependant.err());
        assertEquals(0, cli("uninstall", "org.apache.commons.math3").status());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    @Order(5)
    void updateMovesToTheNewestWhileAPinnedDescriptorKeepsTheOld() throws Exception {
        assertEquals(0, cli("repo", "add", "local", repo.toString()).status());
        Outcome repos = cli("repo", "list");
        assertTrue(repos.out().startsWith("local  file:"), repos.out());

        Outcome install = cli("install", "prior/student-t@[1.0,1.1)");
        assertEquals(0, install.status(), install.err());
        assertEquals(List.of("org.example.prior-student-t-1.0.0.jar"), pluginFiles());
        Outcome update = cli("update", "prior/student-t");
        assertEquals(0, update.status(), update.err());
        assertEquals(List.of("org.example.prior-student-t-1.0.0.jar", "org.example.prior-student-t-1.2.0.jar"),
                pluginFiles());

        assertEquals("1.0.0", priorVersionOfRun("[1.0,1.1)"));
        assertEquals("1.2.0", priorVersionOfRun("[1.0,2.0)"));

        assertEquals(0, cli("repo", "remove", "local").status());
        Outcome none = cli("search", "student");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("no repository is configured"), none.err());
    }

    private static String priorVersionOfRun(String range) throws Exception {
        Path descriptor = work.resolve("pinned-" + range.hashCode() + ".json");
        Files.writeString(descriptor, Files.readString(DESCRIPTOR).replace("\"[1.0,2.0)\"", "\"" + range + "\""));
        Outcome run = cli("run", descriptor.toString(), "--out", work.resolve("results").toString());
        assertEquals(0, run.status(), run.err());
        String result = Files.readString(Path.of(run.out().lines().reduce((a, b) -> b).orElseThrow()));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\"prior\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(result);
        assertTrue(m.find(), result);
        return m.group(1);
    }
}

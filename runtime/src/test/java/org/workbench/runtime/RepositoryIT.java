package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin repository (issue 23) on the real runtime, against repositories built here: three
 * versions of the example prior, the example optimizer made to import a package of Apache Commons
 * Math 3.6.1 (the real bundle from Maven Central), and, in a repository of its own, a plugin that
 * needs a version of Commons Math that nobody offers. The commands run in one framework, as the
 * shell runs them; a second runtime ({@code serve}) serves the repository over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepositoryIT {
    static final Path PRIOR = Path.of(System.getProperty("workbench.example.plugin"));
    static final Path OPTIMIZER = Path.of(System.getProperty("workbench.example.optimizer"));
    static final Path MATH = Path.of(System.getProperty("workbench.commons.math"));
    static final Path DESCRIPTOR = Path.of(System.getProperty("workbench.example.descriptor"));
    /** The example plugins' repository, indexed by the build (examples/repository). */
    static final Path EXAMPLES = Path.of(System.getProperty("workbench.examples.repository"));
    static final String SPECIAL = "org.apache.commons.math3.special";
    static final long WAIT_MS = 30_000;

    @TempDir
    static Path work;
    static Path repo;
    /** A repository whose plugin needs a version of Commons Math that nobody offers. */
    static Path future;
    static Path plugins;
    static Launcher runtime;

    record Outcome(int status, String out, String err) {
    }

    @BeforeAll
    static void repositories() throws Exception {
        repo = Files.createDirectories(work.resolve("repo"));
        plugins = Files.createDirectories(work.resolve("plugins"));
        for (String v : List.of("1.0.0", "1.1.0", "1.2.0")) {
            PluginJars.withVersion(PRIOR, v, repo.resolve("prior-student-t-" + v + ".jar"));
        }
        withImport(OPTIMIZER, "org.example.optimizer-momentum", SPECIAL + ";version=\"[3.6,4)\"",
                repo.resolve("optimizer-momentum-1.0.0.jar"));
        Files.copy(MATH, repo.resolve(MATH.getFileName()));
        future = Files.createDirectories(work.resolve("future"));
        withImport(OPTIMIZER, "org.example.optimizer-future", SPECIAL + ";version=\"[4.0,5)\"",
                future.resolve("optimizer-future-1.0.0.jar"));
        Files.copy(MATH, future.resolve(MATH.getFileName()));
        runtime = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        Outcome index = cli("repo", "index", repo.toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(index.out().contains("5 bundles indexed"), index.out());
        assertEquals(0, cli("repo", "index", future.toString(), "--gz").status());
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
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
        return cli(runtime, args);
    }

    static Outcome cli(Launcher launcher, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = launcher.execute(args, o, e);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> pluginFiles() throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits until {@code list}'s output (providers, then the plugins folder) satisfies {@code condition}. */
    static void awaitList(Predicate<String> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            last = cli("list").out();
            if (condition.test(last)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within " + WAIT_MS + " ms: " + what + "; list says:\n" + last);
    }

    @Test
    @Order(1)
    void searchListsProvidersAndBundlesWithTheirVersions() throws Exception {
        Outcome search = cli("search", "--repo", repo.toString());
        assertEquals(0, search.status(), search.err());
        assertTrue(search.out().matches("(?s).*prior/student-t\\s+1\\.2\\.0, 1\\.1\\.0, 1\\.0\\.0\\s+--repo\\s+Heavy-tailed.*"),
                search.out());
        assertTrue(search.out().contains("optimizer/momentum"), search.out());
        assertTrue(search.out().contains("bundle org.apache.commons.math3"), search.out());
        Outcome one = cli("search", "student", "--repo", repo.toString());
        assertFalse(one.out().contains("momentum"), one.out());
    }

    /**
     * The index the build wrote for examples/ (bnd-indexer-maven-plugin, not {@code repo index}):
     * the providers come from the capability {@code @WorkbenchProvider} put in each manifest, and each
     * jar's SHA-256 and size are in it.
     */
    @Test
    @Order(1)
    void theExamplesIndexWrittenByTheBuildListsTheExampleProviders() throws Exception {
        String index = Files.readString(EXAMPLES.resolve("index.xml"));
        for (String jar : List.of("prior-student-t-1.0.0.jar", "optimizer-momentum-1.0.0.jar")) {
            byte[] bytes = Files.readAllBytes(EXAMPLES.resolve(jar));
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
            assertTrue(index.toLowerCase(java.util.Locale.ROOT).contains("value=\"" + sha + "\""), jar + " SHA-256 in\n" + index);
            assertTrue(index.contains("<attribute name=\"size\" value=\"" + bytes.length + "\""), jar + " size");
            try (var in = new java.util.jar.JarFile(EXAMPLES.resolve(jar).toFile())) {
                assertTrue(in.getManifest().getMainAttributes().getValue("Provide-Capability")
                        .contains("org.workbench.provider;"), jar + ": the provider capability is in the manifest");
            }
        }
        Outcome search = cli("search", "--repo", EXAMPLES.toString());
        assertEquals(0, search.status(), search.err());
        assertTrue(search.out().matches("(?s).*prior/student-t\\s+1\\.0\\.0\\s+--repo\\s+Heavy-tailed Student-t.*"),
                search.out());
        assertTrue(search.out().matches("(?s).*optimizer/momentum\\s+1\\.0\\.0\\s+--repo\\s+SGD with heavy-ball.*"),
                search.out());
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
        awaitList(l -> l.contains("optimizer-momentum-1.0.0.jar: org.example.optimizer-momentum 1.0.0")
                && l.contains("momentum"), "the optimizer resolved with the library");
        Path training = work.resolve("momentum.json");
        Files.writeString(training, """
                {"format": 1, "name": "momentum-installed", "seed": 7,
                 "task": {"use": "train-classifier", "with": {"epochs": 1, "batchSize": 50, "precision": "float"}},
                 "components": {
                   "data": {"use": "fashion-mnist", "with": {"trainLimit": 200, "testLimit": 100}},
                   "network": [{"use": "dense", "with": {"out": 10, "initStddev": 0.01}}],
                   "loss": {"use": "softmax-cross-entropy"},
                   "optimizer": {"use": "momentum", "with": {"learningRate": 0.05, "momentum": 0.9}}}}
                """);
        Outcome run = cli("run", training.toString(), "--quiet", "--out", work.resolve("momentum-results").toString());
        assertEquals(0, run.status(), run.out() + run.err());
        String result = Files.readString(Path.of(run.out().strip().lines().reduce((a, b) -> b).orElseThrow()));
        assertTrue(result.contains("org.example.optimizer-momentum"), "the run used the installed optimizer: " + result);

        Outcome uninstall = cli("uninstall", "org.apache.commons.math3");
        assertEquals(2, uninstall.status(), uninstall.out() + uninstall.err());
        assertTrue(uninstall.err().contains("needed by org.example.optimizer-momentum 1.0.0"), uninstall.err());
        assertTrue(Files.exists(plugins.resolve("org.apache.commons.math3-3.6.1.jar")));

        assertEquals(0, cli("uninstall", "optimizer/momentum").status());
        awaitList(l -> !l.contains("optimizer-momentum"), "the optimizer gone");
        Outcome library = cli("uninstall", "org.apache.commons.math3");
        assertEquals(0, library.status(), library.err());
        assertEquals(List.of(), pluginFiles());
        awaitList(l -> !l.contains("math3"), "the library gone");
    }

    @Test
    @Order(5)
    void aMissingProviderIsOfferedThenInstalledAndUpdateKeepsThePinnedVersion() throws Exception {
        Outcome add = cli("repo", "add", "local", repo.toString());
        assertEquals(0, add.status(), add.err());
        assertTrue(cli("repo", "list").out().startsWith("local  file:"));

        Path descriptor = pinned("[1.0,1.1)");
        Outcome validate = cli("validate", descriptor.toString());
        assertEquals(2, validate.status(), validate.err());
        assertTrue(validate.err().contains("hint: prior/student-t is not installed but repository local offers it: "
                + "./workbench install 'prior/student-t@[1.0,1.1)'"), validate.err());

        assertEquals("1.0.0", priorVersionOfRun(descriptor, "--install-missing"));
        assertEquals(List.of("org.example.prior-student-t-1.0.0.jar"), pluginFiles());

        Outcome update = cli("update", "prior/student-t");
        assertEquals(0, update.status(), update.err());
        assertEquals(List.of("org.example.prior-student-t-1.0.0.jar", "org.example.prior-student-t-1.2.0.jar"),
                pluginFiles());
        awaitList(l -> java.util.regex.Pattern.compile("(?m)^prior\\s+student-t\\s+1\\.2\\.0\\s").matcher(l).find(),
                "the new version's provider registered");
        assertEquals("1.2.0", priorVersionOfRun(pinned("[1.0,2.0)")));
        assertEquals("1.0.0", priorVersionOfRun(descriptor));
        Outcome search = cli("search", "student");
        assertTrue(search.out().contains("[installed 1.0.0, 1.2.0]"), search.out());
    }

    @Test
    @Order(6)
    void serveOffersTheLocalRepositoryOverHttpToAnotherRuntime() throws Exception {
        Path web = Files.createDirectories(work.resolve("web"));
        Files.writeString(web.resolve("workbench-settings.json"), "{\"repositories\": {\"local\": \""
                + repo.toUri() + "\"}}");
        try (WebServer server = new WebServer(web, "p1-1-posterior.json")) {
            assertEquals("local\n", server.get("repository/").body());
            assertEquals(404, server.get("repository/local/../../workbench-settings.json").statusCode());
            Outcome search = cli("search", "student", "--repo", server.url + "repository/local/");
            assertTrue(search.out().contains("1.2.0, 1.1.0, 1.0.0"), search.out() + search.err());
            Outcome install = cli("install", "prior/student-t@[1.1,1.2)", "--repo", server.url + "repository/local/");
            assertEquals(0, install.status(), install.err());
            assertTrue(Files.exists(plugins.resolve("org.example.prior-student-t-1.1.0.jar")), pluginFiles().toString());

            // the Plugins page's Available list: what is offered, what an install adds, token-guarded installs
            String available = server.get("plugins/available").body();
            assertTrue(available.contains("\"label\":\"optimizer/momentum\""), available);
            String plan = server.get("plugins/available?plan=optimizer/momentum").body();
            assertTrue(plan.contains("needed by org.example.optimizer-momentum 1.0.0 for package " + SPECIAL), plan);
            assertEquals(403, server.post("plugins/available?install=optimizer/momentum", "", null).statusCode());
            var installed = server.post("plugins/available?install=optimizer/momentum", "", server.token());
            assertEquals(200, installed.statusCode(), installed.body());
            assertTrue(Files.exists(server.plugins.resolve("org.apache.commons.math3-3.6.1.jar")), installed.body());
            assertTrue(server.get("plugins").body().contains("id=\"available\""));
        }
    }

    @Test
    @Order(7)
    void theSignerIsReportedAndASettingRequiresSignedPlugins() throws Exception {
        Path signed = Files.createDirectories(work.resolve("signed"));
        Path unsigned = PluginJars.withVersion(PRIOR, "2.0.0", work.resolve("prior-student-t-2.0.0.jar"));
        Path keys = work.resolve("keys.p12");
        tool("keytool", "-genkeypair", "-keystore", keys.toString(), "-storepass", "secret123", "-keypass", "secret123",
                "-alias", "author", "-dname", "CN=Plugin Author, O=Workbench Tests", "-keyalg", "EC", "-validity", "2");
        tool("jarsigner", "-keystore", keys.toString(), "-storepass", "secret123", "-signedjar",
                signed.resolve("prior-student-t-2.0.0.jar").toString(), unsigned.toString(), "author");
        PluginJars.withVersion(PRIOR, "2.1.0", signed.resolve("prior-student-t-2.1.0.jar"));
        assertEquals(0, cli("repo", "index", signed.toString()).status());
        Path settings = work.resolve("workbench-settings.json");
        Files.writeString(settings, "{\"requireSigned\": true}");
        try {
            Outcome refused = cli("install", "prior/student-t@[2.1,3)", "--repo", signed.toString());
            assertEquals(1, refused.status(), refused.out() + refused.err());
            assertTrue(refused.err().contains("is not signed, and the settings file requires signed plugins"), refused.err());
            assertFalse(Files.exists(plugins.resolve("org.example.prior-student-t-2.1.0.jar")));

            Outcome install = cli("install", "prior/student-t@[2.0,2.1)", "--repo", signed.toString());
            assertEquals(0, install.status(), install.err());
            assertTrue(install.out().contains("signed by CN=Plugin Author,O=Workbench Tests"), install.out());
        } finally {
            Files.delete(settings);
        }
    }

    /**
     * With {@code "trustedSigners"} set, a jar signed by another key, and an unsigned one, are refused
     * (exit 1, nothing written); a jar signed by a listed key installs, its fingerprint printed.
     */
    @Test
    @Order(8)
    void onlyAJarSignedByATrustedSignerInstallsWhenTheListIsSet() throws Exception {
        Path signed = Files.createDirectories(work.resolve("trusted"));
        Path keys = work.resolve("two-keys.p12");
        for (String alias : List.of("trusted", "stranger")) {
            tool("keytool", "-genkeypair", "-keystore", keys.toString(), "-storepass", "secret123", "-keypass",
                    "secret123", "-alias", alias, "-dname", "CN=" + alias + ", O=Workbench Tests", "-keyalg", "EC",
                    "-validity", "2");
        }
        for (String[] jar : List.of(new String[] {"3.0.0", "stranger"}, new String[] {"3.1.0", "trusted"})) {
            Path unsigned = PluginJars.withVersion(PRIOR, jar[0], work.resolve("prior-student-t-" + jar[0] + ".jar"));
            tool("jarsigner", "-keystore", keys.toString(), "-storepass", "secret123", "-signedjar",
                    signed.resolve("prior-student-t-" + jar[0] + ".jar").toString(), unsigned.toString(), jar[1]);
        }
        PluginJars.withVersion(PRIOR, "3.2.0", signed.resolve("prior-student-t-3.2.0.jar"));
        assertEquals(0, cli("repo", "index", signed.toString()).status());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keys)) {
            store.load(in, "secret123".toCharArray());
        }
        String fingerprint = java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(store.getCertificate("trusted").getEncoded()));
        Path settings = work.resolve("workbench-settings.json");
        Files.writeString(settings, "{\"trustedSigners\": [\"" + fingerprint + "\"]}");
        try {
            Outcome stranger = cli("install", "prior/student-t@[3.0,3.1)", "--repo", signed.toString());
            assertEquals(1, stranger.status(), stranger.out() + stranger.err());
            assertTrue(stranger.err().contains("is signed by CN=stranger,O=Workbench Tests")
                    && stranger.err().contains("trusts only the signers listed in \"trustedSigners\" (" + fingerprint + ")"),
                    stranger.err());
            Outcome unsigned = cli("install", "prior/student-t@[3.2,4)", "--repo", signed.toString());
            assertEquals(1, unsigned.status(), unsigned.out() + unsigned.err());
            assertTrue(unsigned.err().contains("is not signed, and the settings file trusts only"), unsigned.err());
            assertFalse(pluginFiles().stream().anyMatch(f -> f.contains("-3.")), pluginFiles().toString());

            Outcome trusted = cli("install", "prior/student-t@[3.1,3.2)", "--repo", signed.toString());
            assertEquals(0, trusted.status(), trusted.err());
            assertTrue(trusted.out().contains("signed by CN=trusted,O=Workbench Tests (SHA-256 " + fingerprint + ")"),
                    trusted.out());
            assertTrue(Files.exists(plugins.resolve("org.example.prior-student-t-3.1.0.jar")));

            Files.writeString(settings, "{\"trustedSigners\": [\"not-a-fingerprint\"]}");
            Outcome invalid = cli("install", "prior/student-t@[3.1,3.2)", "--repo", signed.toString());
            assertEquals(2, invalid.status(), invalid.out() + invalid.err());
            assertTrue(invalid.err().contains("$.trustedSigners[0] is \"not-a-fingerprint\""), invalid.err());
        } finally {
            Files.delete(settings);
        }
    }

    private static void tool(String name, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", name).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), name + ": " + output);
    }

    private static Path pinned(String range) throws IOException {
        Path descriptor = work.resolve("pinned-" + Integer.toHexString(range.hashCode()) + ".json");
        Files.writeString(descriptor, Files.readString(DESCRIPTOR).replace("\"[1.0,2.0)\"", "\"" + range + "\""));
        return descriptor;
    }

    private static String priorVersionOfRun(Path descriptor, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", descriptor.toString(), "--quiet", "--out",
                work.resolve("results").toString()));
        args.addAll(List.of(options));
        Outcome run = cli(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.out() + run.err());
        String result = Files.readString(Path.of(run.out().strip().lines().reduce((a, b) -> b).orElseThrow()));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\"prior\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(result);
        assertTrue(m.find(), result);
        return m.group(1);
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The watched plugins folder on the real runtime: a third-party bundle (the example Student-t
 * prior, built by this build) dropped in, used, put beside a second version, replaced and removed,
 * while the runtime keeps running; a jar that is no bundle is reported and harms nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginsIT {
    static final Path PLUGIN = Path.of(System.getProperty("workbench.example.plugin"));
    static final Path DESCRIPTOR = Path.of(System.getProperty("workbench.example.descriptor"));
    static final String FILTER = "(&(objectClass=org.workbench.api.Provider)(workbench.name=student-t))";

    @TempDir
    static Path work;
    static Path plugins;
    static Launcher launcher;
    static ServiceWaiter studentT;

    @BeforeAll
    static void boot() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        studentT = new ServiceWaiter(launcher.framework().getBundleContext(), FILTER);
    }

    @AfterAll
    static void shutdown() throws Exception {
        studentT.close();
        launcher.close();
    }

    static WorkbenchRuntimeIT.Outcome execute(String... args) throws InterruptedException {
        return executeOn(launcher, args);
    }

    /** Runs one command on {@code runtime}, capturing what it prints. */
    static WorkbenchRuntimeIT.Outcome executeOn(Launcher runtime, String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = runtime.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new WorkbenchRuntimeIT.Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonObject prior(WorkbenchRuntimeIT.Outcome o) throws Exception {
        assertEquals(0, o.status(), o.err());
        JsonObject doc = JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
        return doc.getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("prior");
    }

    /**
     * Waits until the engine's own view (its service tracker, which completes a registration a
     * moment after the registry announces it) lists the plugin at exactly these versions.
     */
    static void awaitEngineSees(String... versions) throws Exception {
        studentT.await(refs -> {
            try {
                List<String> listed = execute("list").out().lines().filter(l -> l.contains(" student-t "))
                        .map(l -> l.trim().split("\\s+")[2]).sorted().toList();
                return listed.equals(List.of(versions));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }, 10_000, "the engine lists student-t at " + List.of(versions));
    }

    static boolean hasVersions(List<ServiceReference<?>> refs, String... versions) {
        List<String> seen = refs.stream().map(ServiceReference::getBundle).filter(java.util.Objects::nonNull)
                .map(b -> b.getVersion().toString()).sorted().toList();
        return seen.equals(List.of(versions));
    }

    @Test
    @Order(1)
    void aDroppedJarIsServedQuicklyWithoutARestart() throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Path staged = PluginJars.stage(PLUGIN, plugins, "prior-student-t.jar");
            long t0 = System.nanoTime();
            PluginJars.publish(staged, "prior-student-t.jar");
            studentT.await(refs -> refs.size() == 1, 10_000, "the plugin's provider is served");
            micros.add((System.nanoTime() - t0) / 1000);
            if (i < 6) {
                Files.delete(plugins.resolve("prior-student-t.jar"));
                studentT.await(List::isEmpty, 10_000, "the removed plugin's provider is gone");
            }
        }
        Collections.sort(micros);
        System.out.printf("plugin drop-to-served latency over %d drops: median %.1f ms, min %.1f ms, max %.1f ms%n",
                micros.size(), micros.get(micros.size() / 2) / 1000.0, micros.get(0) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0);
    }

    @Test
    @Order(2)
    void theEngineListsDescribesAndRunsThePlugin() throws Exception {
        awaitEngineSees("1.0.0");
        WorkbenchRuntimeIT.Outcome list = execute("list");
        assertTrue(list.out().contains("student-t") && list.out().contains("org.example.prior-student-t"), list.out());
        assertTrue(execute("describe", "prior/student-t").out().contains("degreesOfFreedom"));
        WorkbenchRuntimeIT.Outcome run = execute("run", DESCRIPTOR.toString(), "--out", work.resolve("r").toString(), "--quiet");
        JsonObject prior = prior(run);
        assertEquals("org.example.prior-student-t", prior.get("bundle").getAsString());
        assertEquals("1.0.0", prior.get("version").getAsString());
        JsonObject doc = JsonParser.parseString(Files.readString(Path.of(run.lastLine()))).getAsJsonObject();
        assertEquals("quadrature", doc.getAsJsonObject("results").get("method").getAsString());
    }

    @Test
    @Order(3)
    void twoVersionsLiveSideBySideAndTheRangeChooses() throws Exception {
        Path v11 = PluginJars.withVersion(PLUGIN, "1.1.0", work.resolve("student-t-1.1.0.jar"));
        PluginJars.drop(v11, plugins, "prior-student-t-1.1.0.jar");
        studentT.await(refs -> hasVersions(refs, "1.0.0", "1.1.0"), 10_000, "both versions are served");
        awaitEngineSees("1.0.0", "1.1.0");
        WorkbenchRuntimeIT.Outcome list = execute("list");
        assertTrue(list.out().contains("1.0.0") && list.out().contains("1.1.0"), list.out());
        Path out = work.resolve("r");
        assertEquals("1.1.0", prior(execute("run", DESCRIPTOR.toString(), "--out", out.toString(), "--quiet"))
                .get("version").getAsString(), "without a narrower range the highest version wins");
        assertEquals("1.0.0", prior(execute("run", DESCRIPTOR.toString(), "--out", out.toString(), "--quiet",
                "--set", "prior.version=[1.0,1.1)")).get("version").getAsString());
    }

    @Test
    @Order(4)
    void replacingAJarUpdatesTheBundleAndTheNextRunUsesIt() throws Exception {
        Path v12 = PluginJars.withVersion(PLUGIN, "1.2.0", work.resolve("student-t-1.2.0.jar"));
        PluginJars.drop(v12, plugins, "prior-student-t-1.1.0.jar");
        studentT.await(refs -> hasVersions(refs, "1.0.0", "1.2.0"), 10_000, "the replaced jar serves 1.2.0");
        awaitEngineSees("1.0.0", "1.2.0");
        assertEquals("1.2.0", prior(execute("run", DESCRIPTOR.toString(), "--out", work.resolve("r").toString(),
                "--quiet")).get("version").getAsString());
    }

    @Test
    @Order(5)
    void removingThePluginFailsTheNextRunClearlyAndTheRuntimeStaysUp() throws Exception {
        Files.delete(plugins.resolve("prior-student-t.jar"));
        Files.delete(plugins.resolve("prior-student-t-1.1.0.jar"));
        studentT.await(List::isEmpty, 10_000, "every version is gone");
        awaitEngineSees();
        WorkbenchRuntimeIT.Outcome run = execute("run", DESCRIPTOR.toString(), "--out", work.resolve("r").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no prior named 'student-t'") && run.err().contains("$.components.prior.use"),
                run.err());
        assertEquals(0, execute("list").status());
    }

    @Test
    @Order(6)
    void aJarThatIsNotABundleIsReportedAndHarmsNothing() throws Exception {
        PluginJars.drop(PluginJars.notABundle(work.resolve("junk.jar")), plugins, "junk.jar");
        WorkbenchRuntimeIT.Outcome list = execute("list");
        assertTrue(list.out().contains("junk.jar: not installed"), list.out());
        WorkbenchRuntimeIT.Outcome run = execute("run", WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toString(),
                "--out", work.resolve("r").toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
    }

    @Test
    @Order(7)
    void aComponentThatFailsToActivateIsReportedAndHarmsNothing() throws Exception {
        Path broken = PluginJars.withMissingComponentClass(PLUGIN, "1.9.0", work.resolve("broken.jar"));
        try (CapturedErr log = new CapturedErr()) {
            PluginJars.drop(broken, plugins, "prior-student-t-broken.jar");
            studentT.await(refs -> hasVersions(refs, "1.9.0"), 10_000, "the broken plugin's service is registered");
            WorkbenchRuntimeIT.Outcome list = execute("list", "--wide");
            assertEquals(0, list.status());
            assertTrue(list.out().contains("prior 'student-t' from org.example.prior-student-t 1.9.0")
                    && list.out().contains("failed to activate"), list.out());
            WorkbenchRuntimeIT.Outcome run = execute("run", DESCRIPTOR.toString(), "--out", work.resolve("r").toString());
            assertEquals(2, run.status(), run.err());
            assertTrue(run.err().contains("prior 'student-t' 1.9.0 is registered but failed to activate"),
                    run.err());
            assertTrue(log.text().contains("ERROR : bundle org.example.prior-student-t:1.9.0")
                    && log.text().contains("Could not load implementation object class org.example.Missing"),
                    "Declarative Services logs why the component failed: " + log.text());
        }
        assertEquals(0, execute("run", WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toString(),
                "--out", work.resolve("r").toString(), "--quiet").status());
    }

    /**
     * Jars whose manifest parses but that the framework refuses to install cost a start-up nothing
     * (no command waits for them) and are one line each in {@code list} with the framework's
     * reason; a copy of a built-in's symbolic name and version is refused instead of replacing the
     * built-in's code, and an extension bundle is refused instead of restarting the framework
     * without the engine. A lazily activated plugin is not waited for either, and serves.
     */
    @Test
    @Order(8)
    void jarsTheFrameworkRefusesCostNoWaitAndListSaysWhy() throws Exception {
        Path folder = Files.createDirectories(work.resolve("refused-plugins"));
        Path builtIn = WorkbenchRuntimeIT.HOME.resolve("bundles/prior-gaussian-1.0.0.jar");
        PluginJars.withHeaders(PLUGIN, java.util.Map.of("Bundle-SymbolicName", "org.example.bad-version",
                "Bundle-ManifestVersion", "3"), folder.resolve("manifest-version-3.jar"));
        PluginJars.withHeaders(PLUGIN, java.util.Map.of("Bundle-SymbolicName", "org.example.twice",
                "Import-Package", "org.workbench.api,org.workbench.api"), folder.resolve("duplicate-import.jar"));
        PluginJars.withHeaders(PLUGIN, java.util.Map.of("Bundle-SymbolicName", "org.example.bad-range",
                "Import-Package", "org.workbench.api;version=\"[1.2\""), folder.resolve("bad-range.jar"));
        PluginJars.asOtherBundle(PLUGIN, "org.workbench.prior-gaussian", "1.0.0", folder.resolve("gaussian-copy.jar"));
        PluginJars.withHeaders(PLUGIN, java.util.Map.of("Bundle-SymbolicName", "org.example.extension",
                "Fragment-Host", "system.bundle; extension:=framework"), folder.resolve("extension.jar"));
        PluginJars.truncated(PLUGIN, 2000, folder.resolve("truncated.jar"));
        Files.write(folder.resolve("empty.jar"), new byte[0]);
        PluginJars.withHeaders(PLUGIN, java.util.Map.of("Bundle-ActivationPolicy", "lazy"), folder.resolve("lazy.jar"));
        assertTrue(Files.isRegularFile(builtIn), builtIn + " is the built-in the copy repeats");

        try (CapturedErr log = new CapturedErr(); Launcher second = Launcher.start(WorkbenchRuntimeIT.HOME, folder, false)) {
            assertEquals(List.of(), second.problems().stream().filter(p -> p.startsWith("plugin ")).toList(),
                    "no plugin jar is waited for until a deadline");
            WorkbenchRuntimeIT.Outcome list = executeOn(second, "list", "--wide");
            assertEquals(0, list.status(), list.err());
            String out = list.out().replaceAll("\\s+", " ");
            for (String line : List.of(
                    "manifest-version-3.jar: not installed: the framework refused it: Unknown 'Bundle-ManifestVersion' value: 3",
                    "duplicate-import.jar: not installed: the framework refused it: Duplicate import: org.workbench.api",
                    "bad-range.jar: not installed: the framework refused it: invalid range \"[1.2\"",
                    "gaussian-copy.jar: not installed: the framework refused it: Bundle symbolic name and version are not"
                            + " unique: org.workbench.prior-gaussian:1.0.0 (bundle org.workbench.prior-gaussian 1.0.0",
                    "extension.jar: not installed: extension bundles are not plugins",
                    "truncated.jar: not installed: not a readable jar",
                    "empty.jar: not installed: an empty file",
                    "lazy.jar: org.example.prior-student-t 1.0.0",
                    "active on first use (lazy activation)")) {
                assertTrue(out.contains(line), "list says: " + line + "\n" + list.out());
            }
            JsonObject gaussian = prior(executeOn(second, "run",
                    WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toString(),
                    "--out", work.resolve("r-refused").toString(), "--quiet"));
            assertEquals("org.workbench.prior-gaussian", gaussian.get("bundle").getAsString(),
                    "the built-in prior keeps its own code");
            assertEquals("org.example.prior-student-t", prior(executeOn(second, "run", DESCRIPTOR.toString(),
                    "--out", work.resolve("r-refused").toString(), "--quiet")).get("bundle").getAsString(),
                    "the lazily activated plugin serves");
            assertTrue(!log.text().contains("Exception"), "no stack trace: " + log.text());
        }
    }
}

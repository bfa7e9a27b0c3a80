package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * No plugin can hang what does not use it: with a plugin whose component's activation blocks
 * ({@link StuckPlugin}, {@code prior/blocking} of bundle {@code test.blocking}) in the plugins
 * folder, {@code list}, {@code list prior}, {@code describe} of another provider and an unrelated
 * run finish without even starting its activation; a run that uses it fails (exit 1) naming the
 * bundle, within {@code --timeout} or the activation deadline (here 5 s), and {@code list} then
 * reports it. A provider whose constructor throws is reported in the workbench's words, without
 * Declarative Services' raw log line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StuckPluginIT {
    static final String DEADLINE_SECONDS = "5";

    @TempDir
    static Path work;
    static Path plugins;
    static Path gate;
    static Launcher launcher;

    @BeforeAll
    static void boot() throws Exception {
        gate = work.resolve("gate");
        System.setProperty("stuck.gate", gate.toString());
        System.setProperty("workbench.activation.timeout", DEADLINE_SECONDS);
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(StuckPlugin.build(work, StuckPlugin.BLOCKING, "test.blocking", "blocking"), plugins,
                "blocking.jar");
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        try (ServiceWaiter blocking = new ServiceWaiter(launcher.framework().getBundleContext(),
                "(&(objectClass=org.workbench.api.Provider)(workbench.name=blocking))")) {
            blocking.await(refs -> refs.size() == 1, 10_000, "the blocking plugin's provider is registered");
        }
    }

    @AfterAll
    static void shutdown() throws Exception {
        Files.writeString(gate, "release");
        try {
            launcher.close();
        } finally {
            System.clearProperty("stuck.gate");
            System.clearProperty("workbench.activation.timeout");
        }
    }

    static WorkbenchRuntimeIT.Outcome execute(String... args) throws InterruptedException {
        return PluginsIT.executeOn(launcher, args);
    }

    static boolean activationBegan() {
        return Files.exists(Path.of(gate + ".started"));
    }

    @Test
    @Order(1)
    void listDescribeAndAnUnrelatedRunNeverActivateTheBlockingComponent() throws Exception {
        WorkbenchRuntimeIT.Outcome list = execute("list", "--wide");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("prior  blocking  1.0.0  test.blocking"), list.out());
        WorkbenchRuntimeIT.Outcome priors = execute("list", "prior");
        assertEquals(0, priors.status(), priors.err());
        assertTrue(priors.out().contains("blocking"), priors.out());
        WorkbenchRuntimeIT.Outcome describe = execute("describe", "prior/gaussian");
        assertEquals(0, describe.status(), describe.err());
        assertTrue(describe.out().contains("variance"), describe.out());
        WorkbenchRuntimeIT.Outcome run = execute("run", WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json")
                .toString(), "--out", work.resolve("results").toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        JsonObject doc = JsonParser.parseString(Files.readString(Path.of(run.lastLine()))).getAsJsonObject();
        assertEquals(1.4991, doc.getAsJsonObject("results").getAsJsonObject("posterior").get("mean").getAsDouble(), 1e-4);
        assertFalse(activationBegan(), "nothing above activated the blocking component");
    }

    @Test
    @Order(2)
    void aRunUsingItEndsWithinItsTimeoutNamingTheBundle() throws Exception {
        Path descriptor = StuckPlugin.descriptor(work, "blocking");
        long t0 = System.nanoTime();
        WorkbenchRuntimeIT.Outcome run = execute("run", descriptor.toString(), "--out", work.resolve("results").toString(),
                "--timeout", "1");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("prior 'blocking' 1.0.0 from bundle test.blocking 1.0.0")
                && run.err().contains("did not activate within 1 s") && run.err().contains("blocking.jar"), run.err());
        assertTrue(ms < Long.parseLong(DEADLINE_SECONDS) * 1000, "--timeout 1 ended it before the deadline: " + ms + " ms");
        assertTrue(activationBegan());
        assertFalse(Files.exists(work.resolve("results/uses-blocking")), "nothing written");
    }

    @Test
    @Order(3)
    void withoutATimeoutTheDeadlineEndsTheRunNamingTheBundle() throws Exception {
        Path descriptor = StuckPlugin.descriptor(work, "blocking");
        long t0 = System.nanoTime();
        WorkbenchRuntimeIT.Outcome run = execute("run", descriptor.toString(), "--out", work.resolve("results").toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("test.blocking") && run.err().contains("did not activate within "
                + DEADLINE_SECONDS + " s"), run.err());
        assertTrue(ms < (Long.parseLong(DEADLINE_SECONDS) + 20) * 1000, ms + " ms");
    }

    @Test
    @Order(4)
    void afterTheDeadlineListSaysSoAndNothingWaitsForItAgain() throws Exception {
        Path descriptor = StuckPlugin.descriptor(work, "blocking");
        WorkbenchRuntimeIT.Outcome list = execute("list", "--wide");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("prior 'blocking' from test.blocking 1.0.0")
                && list.out().contains("did not activate within " + DEADLINE_SECONDS + " s"), list.out());
        long again = System.nanoTime();
        WorkbenchRuntimeIT.Outcome second = execute("run", descriptor.toString(), "--out", work.resolve("results").toString());
        assertEquals(2, second.status(), second.err());
        assertTrue(second.err().contains("did not activate within") && second.err().contains("test.blocking"), second.err());
        WorkbenchRuntimeIT.Outcome describe = execute("describe", "prior/blocking");
        assertEquals(0, describe.status(), describe.err());
        assertTrue(describe.out().contains("failed to activate"), describe.out());
        assertTrue((System.nanoTime() - again) / 1_000_000 < Long.parseLong(DEADLINE_SECONDS) * 1000,
                "a provider marked failed is not waited for again");
        assertEquals(0, execute("run", WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json").toString(),
                "--out", work.resolve("results").toString(), "--quiet").status());
    }

    @Test
    @Order(5)
    void aConstructorThatThrowsIsReportedInOurWordsWithoutTheRawLogLine() throws Exception {
        Path folder = Files.createDirectories(work.resolve("throwing"));
        Path own = Files.createDirectories(folder.resolve("plugins"));
        PluginJars.drop(StuckPlugin.build(work, StuckPlugin.THROWING, "test.throwing", "throwing"), own, "throwing.jar");
        Path descriptor = StuckPlugin.descriptor(folder, "throwing");
        try (WorkbenchProcess p = WorkbenchProcess.start(folder, own, "run", descriptor.toString(), "--out",
                folder.resolve("results").toString())) {
            assertEquals(2, p.exit(), p.stderr());
            String err = p.stderr();
            assertTrue(err.contains("plugin bundle test.throwing 1.0.0") && err.contains("throwing.jar")
                    && err.contains("provider prior 'throwing'")
                    && err.contains("its constructor threw java.lang.IllegalStateException: the plugin's constructor gave up")
                    && err.contains("remove throwing.jar from the plugins folder"), err);
            assertTrue(err.contains("prior 'throwing' 1.0.0 is registered but failed to activate"), err);
            assertFalse(err.contains("ERROR : bundle") || err.contains("Error during instantiation")
                    || err.contains("\tat "), "no raw Declarative Services line or stack trace: " + err);
        }
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A dropped jar cannot change a homework answer. Two masquerading copies of the built-in
 * {@code prior-gaussian} bundle lie in the plugins folder: one under the built-in's own symbolic
 * name at 1.9.9 (inside the old {@code [1.0,2.0)} pins), which is refused at install and listed with
 * the reason, and another bundle offering {@code prior/gaussian} 1.5.0, which the shipped
 * descriptors ({@code "origin": "built-in"}) pass over, saying so. {@code p1-1-posterior} keeps its
 * answer from the built-in; the same descriptor with {@code --set origin=any} takes the plugin,
 * says so and records it under {@code provenance.thirdParty}.
 */
class MasqueradeIT {
    static final Path BUILT_IN = WorkbenchRuntimeIT.HOME.resolve("bundles/prior-gaussian-1.0.0.jar");
    static final String BUILT_IN_NAME = "org.workbench.prior-gaussian";
    static final String OTHER = "org.example.prior-gaussian";
    static final Path P1 = WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json");

    @TempDir
    static Path work;
    static Path plugins;
    static Launcher launcher;

    @BeforeAll
    static void boot() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(PluginJars.withVersion(BUILT_IN, "1.9.9", work.resolve("same-name.jar")), plugins,
                "prior-gaussian-1.9.9.jar");
        PluginJars.drop(PluginJars.asOtherBundle(BUILT_IN, OTHER, "1.5.0", work.resolve("other.jar")), plugins,
                "other-gaussian-1.5.0.jar");
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        try (ServiceWaiter gaussian = new ServiceWaiter(launcher.framework().getBundleContext(), ShadowingIT.FILTER)) {
            gaussian.await(refs -> refs.size() == 2, 10_000, "the built-in prior/gaussian and the 1.5.0 plugin");
        }
    }

    @AfterAll
    static void shutdown() throws Exception {
        launcher.close();
    }

    static JsonObject result(WorkbenchRuntimeIT.Outcome run) throws Exception {
        assertEquals(0, run.status(), run.err());
        return JsonParser.parseString(Files.readString(Path.of(run.lastLine()))).getAsJsonObject();
    }

    static double posteriorMean(JsonObject doc) {
        return doc.getAsJsonObject("results").getAsJsonObject("posterior").get("mean").getAsDouble();
    }

    @Test
    void aPluginWithTheBuiltInsSymbolicNameIsRefusedAndListedWithTheReason() throws Exception {
        Bundle copy = null;
        for (Bundle b : launcher.framework().getBundleContext().getBundles()) {
            if (BUILT_IN_NAME.equals(b.getSymbolicName()) && b.getVersion().toString().equals("1.9.9")) {
                copy = b;
            }
        }
        assertTrue(copy != null && copy.getState() == Bundle.INSTALLED, "installed, never resolved or started");
        assertTrue(launcher.problems().stream().anyMatch(p -> p.contains("prior-gaussian-1.9.9.jar")
                && p.contains("refused") && p.contains(BUILT_IN_NAME)), launcher.problems().toString());
        WorkbenchRuntimeIT.Outcome list = PluginsIT.executeOn(launcher, "list", "--wide");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("prior-gaussian-1.9.9.jar: " + BUILT_IN_NAME + " 1.9.9")
                && list.out().contains("REFUSED") && list.out().contains("symbolic name of a bundle of the distribution"),
                list.out());
        assertFalse(list.out().contains("gaussian  1.9.9"), "it offers no provider: " + list.out());
    }

    @Test
    void theHomeworkRunKeepsTheBuiltInAnswerAndSaysWhichPluginItPassedOver() throws Exception {
        WorkbenchRuntimeIT.Outcome run = PluginsIT.executeOn(launcher, "run", P1.toString(), "--out",
                work.resolve("homework").toString(), "--quiet");
        JsonObject doc = result(run);
        assertEquals(1.4991, posteriorMean(doc), 1e-4);
        JsonObject provenance = doc.getAsJsonObject("provenance");
        JsonObject prior = provenance.getAsJsonObject("components").getAsJsonObject("prior");
        assertEquals(BUILT_IN_NAME, prior.get("bundle").getAsString());
        assertEquals("1.0.0", prior.get("version").getAsString());
        assertEquals("built-in", provenance.getAsJsonObject("effectiveDescriptor").get("origin").getAsString());
        assertFalse(provenance.has("thirdParty"), provenance.toString());
        assertTrue(run.err().contains("prior: prior 'gaussian' 1.5.0 from third-party bundle " + OTHER)
                && run.err().contains("passed over") && run.err().contains("other-gaussian-1.5.0.jar"), run.err());
    }

    @Test
    void withOriginAnyThePluginWinsAndTheResultSaysItIsThirdPartyCode() throws Exception {
        WorkbenchRuntimeIT.Outcome run = PluginsIT.executeOn(launcher, "run", P1.toString(), "--set", "origin=any",
                "--out", work.resolve("any").toString(), "--quiet");
        JsonObject doc = result(run);
        JsonObject provenance = doc.getAsJsonObject("provenance");
        assertEquals(OTHER, provenance.getAsJsonObject("components").getAsJsonObject("prior").get("bundle").getAsString());
        assertTrue(run.err().contains("prior: third-party code: prior 'gaussian' 1.5.0 from bundle " + OTHER + " 1.5.0")
                && run.err().contains("other-gaussian-1.5.0.jar"), run.err());
        JsonArray thirdParty = provenance.getAsJsonArray("thirdParty");
        assertEquals(1, thirdParty.size(), thirdParty.toString());
        JsonObject used = thirdParty.get(0).getAsJsonObject();
        assertEquals("prior", used.get("role").getAsString());
        assertEquals(OTHER, used.get("bundle").getAsString());
        assertEquals("1.5.0", used.get("version").getAsString());
        assertTrue(used.get("location").getAsString().endsWith("other-gaussian-1.5.0.jar"), used.toString());
        assertEquals(64, used.get("sha256").getAsString().length());
    }

    @Test
    void aHomeworkDescriptorThatOnlyAPluginCouldAnswerIsRefused() throws Exception {
        WorkbenchRuntimeIT.Outcome run = PluginsIT.executeOn(launcher, "run", P1.toString(), "--set",
                "prior.version=[1.5,2.0)", "--out", work.resolve("refused").toString(), "--quiet");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("takes built-in providers only") && run.err().contains(OTHER)
                && run.err().contains("origin=any"), run.err());
        assertFalse(Files.exists(work.resolve("refused/p1-1-posterior")));
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Shipped experiments pin their version ranges, so a user's plugin offering the same kind and name
 * at a higher major version (here {@code prior/gaussian} 2.0.0, a renamed copy of the built-in bundle
 * built in the test) cannot silently change their answers; the same descriptor without ranges picks
 * the plugin and says so.
 */
class ShadowingIT {
    static final Path BUILT_IN = WorkbenchRuntimeIT.HOME.resolve("bundles/prior-gaussian-1.0.0.jar");
    static final String PLUGIN_BUNDLE = "org.example.prior-gaussian";
    static final String FILTER = "(&(objectClass=org.workbench.api.Provider)(workbench.kind=prior)(workbench.name=gaussian))";
    /** A range admitting the built-in bundles' current major version 1 only. */
    static final Pattern MAJOR_ONE = Pattern.compile("\\[1(\\.0){0,2},\\s*2(\\.0){0,2}\\)");

    @TempDir
    static Path work;
    static Path plugins;
    static Launcher launcher;

    @BeforeAll
    static void boot() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        Path jar = PluginJars.asOtherBundle(BUILT_IN, PLUGIN_BUNDLE, "2.0.0", work.resolve("prior-gaussian-2.0.0.jar"));
        try (ServiceWaiter gaussian = new ServiceWaiter(launcher.framework().getBundleContext(), FILTER)) {
            PluginJars.drop(jar, plugins, "prior-gaussian-2.0.0.jar");
            gaussian.await(refs -> {
                try {
                    return PluginsIT.executeOn(launcher, "list").out().lines()
                            .anyMatch(l -> l.matches("\\s*prior\\s+gaussian\\s+2\\.0\\.0\\s+.*"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }, 10_000, "the engine lists prior/gaussian 2.0.0 from the dropped plugin");
        }
    }

    @AfterAll
    static void shutdown() throws Exception {
        launcher.close();
    }

    static JsonObject result(WorkbenchRuntimeIT.Outcome o) throws IOException {
        assertEquals(0, o.status(), o.err());
        return JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
    }

    static JsonObject priorOf(JsonObject result) {
        return result.getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("prior");
    }

    @Test
    void theShippedExperimentKeepsTheBuiltInPriorBesideAHigherPlugin() throws Exception {
        Path descriptor = WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-3b-sum-positive.json");
        WorkbenchRuntimeIT.Outcome run = PluginsIT.executeOn(launcher, "run", descriptor.toString(),
                "--out", work.resolve("pinned").toString(), "--quiet");
        JsonObject doc = result(run);
        JsonObject prior = priorOf(doc);
        assertEquals("1.0.0", prior.get("version").getAsString(), prior.toString());
        assertEquals("org.workbench.prior-gaussian", prior.get("bundle").getAsString(), prior.toString());
        assertFalse(run.err().contains("outranks"), run.err());
        assertFalse(doc.getAsJsonObject("provenance").has("shadowing"), doc.get("provenance").toString());
    }

    @Test
    void theSameDescriptorWithoutRangesOrOriginPicksThePluginAndSaysSo() throws Exception {
        JsonObject descriptor = JsonParser.parseString(Files.readString(
                WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-3b-sum-positive.json"))).getAsJsonObject();
        uses(descriptor).forEach(o -> o.remove("version"));
        descriptor.remove("origin");
        Path loose = Files.writeString(work.resolve("p1-3b-unpinned.json"), descriptor.toString());
        WorkbenchRuntimeIT.Outcome run = PluginsIT.executeOn(launcher, "run", loose.toString(),
                "--out", work.resolve("loose").toString(), "--quiet");
        JsonObject doc = result(run);
        JsonObject prior = priorOf(doc);
        assertEquals("2.0.0", prior.get("version").getAsString(), prior.toString());
        assertEquals(PLUGIN_BUNDLE, prior.get("bundle").getAsString(), prior.toString());
        assertTrue(run.err().contains("note: ") && run.err().contains("prior: ") && run.err().contains("outranks")
                && run.err().contains("org.workbench.prior-gaussian"), run.err());
        String shadowing = doc.getAsJsonObject("provenance").get("shadowing").getAsString();
        assertTrue(shadowing.contains(PLUGIN_BUNDLE), shadowing);
    }

    @Test
    void everyComponentOfEveryShippedExperimentPinsTheBuiltInMajorVersion() throws IOException {
        List<Path> descriptors;
        try (Stream<Path> files = Files.list(WorkbenchRuntimeIT.EXPERIMENTS)) {
            descriptors = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(descriptors.isEmpty());
        List<String> unpinned = new ArrayList<>();
        for (Path d : descriptors) {
            JsonObject descriptor = JsonParser.parseString(Files.readString(d)).getAsJsonObject();
            List<JsonObject> components = uses(descriptor);
            assertTrue(components.size() >= 2, d + " names its task and components");
            for (JsonObject c : components) {
                JsonElement version = c.get("version");
                if (version == null || !version.isJsonPrimitive() || !MAJOR_ONE.matcher(version.getAsString()).matches()) {
                    unpinned.add(d.getFileName() + ": " + c.get("use") + " has version " + version);
                }
            }
        }
        assertTrue(unpinned.isEmpty(), "components without a range [1.0,2.0): " + unpinned);
    }

    /** Every component reference ({@code task}, each component, each layer) of a descriptor: the objects naming {@code use}. */
    static List<JsonObject> uses(JsonObject descriptor) {
        List<JsonObject> found = new ArrayList<>();
        collect(descriptor.get("task"), found);
        collect(descriptor.get("components"), found);
        return found;
    }

    private static void collect(JsonElement e, List<JsonObject> found) {
        if (e == null) {
            return;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, found));
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("use")) {
                found.add(o);
            } else {
                o.entrySet().forEach(x -> collect(x.getValue(), found));
            }
        }
    }
}

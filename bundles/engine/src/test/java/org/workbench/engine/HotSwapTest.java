package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Role;
import org.workbench.api.Task;
import org.workbench.api.TaskProvider;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.Runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A newer provider that appears after planning is taken only at the task's safe points, and only with hotSwap. */
class HotSwapTest {
    @TempDir
    Path folder;
    final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A registry the test changes between planning and running. */
    static final class Registry implements ProviderSource {
        final List<ProviderEntry> entries = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public List<ProviderEntry> entries() {
            return List.copyOf(entries);
        }
    }

    /** task 'epochs': sums the data at each of two "epochs", asking for a newer data source in between. */
    static final class EpochsTask implements TaskProvider {
        @Override
        public List<Role<?>> roles() {
            return List.of(Role.one("data", Kinds.DATA, DataSource.class));
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Task create(Parameters p, ComponentContext context) {
            return c -> {
                DataSource data = c.component("data", DataSource.class);
                try (org.workbench.api.Progress progress = c.progress("epochs", 2)) {
                    for (int epoch = 0; epoch < 2; epoch++) {
                        c.results().put("epoch" + epoch, data.load().targets()[0]);
                        data = c.newerComponent("data", DataSource.class, "epoch " + (epoch + 1)).orElse(data);
                        progress.update(epoch + 1, "");
                    }
                }
            };
        }
    }

    private JsonObject run(boolean hotSwap, String range) throws Exception {
        Registry registry = new Registry();
        registry.entries.add(entry(Kinds.TASK, "epochs", "1.0.0", new EpochsTask()));
        registry.entries.add(entry(Kinds.DATA, "values", "1.0.0", new FakeProviders.ValuesProvider(1.0)));
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"swap\",\"hotSwap\":" + hotSwap
                + ",\"task\":{\"use\":\"epochs\"},\"components\":{\"data\":{\"use\":\"values\"" + range
                + ",\"with\":{\"values\":[1]}}}}");
        Plan plan = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file, List.of()));
        registry.entries.add(entry(Kinds.DATA, "values", "1.2.0", new FakeProviders.ValuesProvider(10.0)));
        registry.entries.add(entry(Kinds.DATA, "values", "2.0.0", new FakeProviders.ValuesProvider(100.0)));
        ProgressFactory recording = (label, total) -> new org.workbench.api.Progress() {
            @Override
            public void update(long done, String status) {
            }

            @Override
            public void message(String line) {
                messages.add(line);
            }

            @Override
            public void close() {
            }
        };
        Path result = new Runner(new XChartRenderer(), recording, Clock.systemUTC(), 1, registry)
                .run(plan, folder.resolve("out-" + hotSwap + range.length()), Map.of());
        return JsonParser.parseString(Files.readString(result)).getAsJsonObject();
    }

    private static ProviderEntry entry(String kind, String name, String version, org.workbench.api.Provider<?> p) {
        return ProviderEntry.of(kind, name, "", Version.parseVersion(version), "test." + name + "." + version, 0, p);
    }

    @Test
    void withHotSwapTheNewestVersionInRangeIsTakenAtTheSafePointAndRecorded() throws Exception {
        JsonObject doc = run(true, ",\"version\":\"[1,2)\"");
        assertEquals(1.0, doc.getAsJsonObject("results").get("epoch0").getAsDouble());
        assertEquals(10.0, doc.getAsJsonObject("results").get("epoch1").getAsDouble());
        JsonArray swaps = doc.getAsJsonObject("provenance").getAsJsonArray("swaps");
        assertEquals(1, swaps.size());
        assertEquals("1.0.0", swaps.get(0).getAsJsonObject().get("fromVersion").getAsString());
        assertEquals("1.2.0", swaps.get(0).getAsJsonObject().get("toVersion").getAsString());
        assertEquals("data", swaps.get(0).getAsJsonObject().get("role").getAsString());
        assertEquals("epoch 1", swaps.get(0).getAsJsonObject().get("at").getAsString());
        assertEquals(List.of("data: values 1.0.0 -> 1.2.0 (test.values.1.0.0 -> test.values.1.2.0) at epoch 1"), messages);
    }

    @Test
    void withoutHotSwapARunKeepsWhatItResolved() throws Exception {
        JsonObject doc = run(false, "");
        assertEquals(1.0, doc.getAsJsonObject("results").get("epoch1").getAsDouble());
        assertEquals(0, doc.getAsJsonObject("provenance").getAsJsonArray("swaps").size());
        assertEquals(List.of(), messages);
    }

    @Test
    void aSwapIsRecordedWholeAndItsEffectiveDescriptorReplaysIt() throws Exception {
        JsonObject doc = run(true, ",\"version\":\"[1,2)\"");
        JsonObject provenance = doc.getAsJsonObject("provenance");
        JsonObject swap = provenance.getAsJsonArray("swaps").get(0).getAsJsonObject();
        assertEquals("{\"values\":[1.0],\"noise\":0.0,\"n\":1,\"shareAcrossN\":false,\"record\":false}", swap.get("parameters").toString(),
                "the successor's parameters, defaults included");
        JsonArray versions = provenance.getAsJsonObject("components").getAsJsonObject("data").getAsJsonArray("versions");
        assertEquals(2, versions.size(), versions.toString());
        assertEquals("1.0.0", versions.get(0).getAsJsonObject().get("version").getAsString());
        assertEquals("start", versions.get(0).getAsJsonObject().get("from").getAsString());
        assertEquals("1.2.0", versions.get(1).getAsJsonObject().get("version").getAsString());
        assertEquals("epoch 1", versions.get(1).getAsJsonObject().get("from").getAsString());
        JsonObject effective = provenance.getAsJsonObject("effectiveDescriptor");
        assertEquals("[{\"role\":\"data\",\"version\":\"1.2.0\",\"at\":\"epoch 1\",\"check\":1}]",
                effective.get("swaps").toString());

        // the rerun: every version installed from the start, the component pinned to 1.0.0
        Registry registry = new Registry();
        registry.entries.add(entry(Kinds.TASK, "epochs", "1.0.0", new EpochsTask()));
        registry.entries.add(entry(Kinds.DATA, "values", "1.0.0", new FakeProviders.ValuesProvider(1.0)));
        registry.entries.add(entry(Kinds.DATA, "values", "1.2.0", new FakeProviders.ValuesProvider(10.0)));
        registry.entries.add(entry(Kinds.DATA, "values", "2.0.0", new FakeProviders.ValuesProvider(100.0)));
        Path file = folder.resolve("effective.json");
        Files.writeString(file, effective.toString());
        Plan plan = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file, List.of()));
        Path result = new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), 1, registry)
                .run(plan, folder.resolve("rerun"), Map.of());
        JsonObject again = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertEquals(doc.get("results"), again.get("results"), "the replay reproduces the result");
        assertEquals(effective.get("swaps"), again.getAsJsonObject("provenance").getAsJsonObject("effectiveDescriptor")
                .get("swaps"), "and records the same schedule");

        registry.entries.removeIf(e -> e.version().toString().equals("1.2.0"));
        org.workbench.engine.input.InvalidInputException missing = org.junit.jupiter.api.Assertions.assertThrows(
                org.workbench.engine.input.InvalidInputException.class, () -> new Planner(new ProviderResolver(registry))
                        .plan(new DescriptorParser().parse(file, List.of())));
        assertEquals("$.swaps[0].version", missing.jsonPath());
    }
}

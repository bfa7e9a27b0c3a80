package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.LargeValues;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.PartialRun;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.RunOptions;
import org.workbench.engine.run.Runner;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A descriptor with a large inline value (here 1.3 MB of numbers, past {@link LargeValues#LIMIT}):
 * result.json stays small and refers to the value, which is kept once in
 * {@code inputs/descriptor.json}; the run stays reproducible, byte-identical across runs, and resumable.
 */
class LargeValuesTest {
    @TempDir
    Path folder;

    /** 120,000 numbers of about 11 characters: 1.3 MB of JSON. */
    private static String largeArray(long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 120_000; i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.8f", r.nextDouble()));
        }
        return b.append(']').toString();
    }

    private Path descriptor(String name, String values, String extra) throws Exception {
        return TestFiles.descriptor(folder, name + ".json", "{\"format\":1,\"name\":\"" + name + "\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\","
                + "\"with\":{\"values\":" + values + "}}}" + extra + "}");
    }

    private static Plan plan(Path file) throws Exception {
        return new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file, List.of()));
    }

    private static Runner runner() {
        return new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), 2, new FakeProviders());
    }

    private static JsonObject json(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The element at a reference's JSON Pointer in the kept descriptor. */
    private static JsonElement target(JsonObject kept, JsonObject ref) {
        String pointer = ref.get("$ref").getAsString().substring((LargeValues.FILE + "#").length());
        JsonElement at = kept;
        for (String step : pointer.substring(1).split("/")) {
            at = at.isJsonObject() ? at.getAsJsonObject().get(step) : at.getAsJsonArray().get(Integer.parseInt(step));
        }
        return at;
    }

    /** Every reference replaced by what it points to. */
    private static JsonElement dereferenced(JsonElement e, JsonObject kept) {
        if (LargeValues.isReference(e)) {
            return target(kept, e.getAsJsonObject());
        }
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(m -> o.add(m.getKey(), dereferenced(m.getValue(), kept)));
            return o;
        }
        return e;
    }

    @Test
    void aLargeValueIsKeptOnceBesideASmallResultJsonThatRefersToItByHash() throws Exception {
        String values = largeArray(1);
        Path result = runner().run(plan(descriptor("large", values, "")), folder.resolve("out"), Map.of("java", "test"));
        assertTrue(Files.size(result) < 8_000, "result.json holds no copy of the data: " + Files.size(result) + " bytes");
        JsonObject doc = json(result);
        JsonObject provenance = doc.getAsJsonObject("provenance");
        JsonObject inDescriptor = provenance.getAsJsonObject("effectiveDescriptor").getAsJsonObject("components")
                .getAsJsonObject("data").getAsJsonObject("with").getAsJsonObject("values");
        JsonObject inParameters = provenance.getAsJsonObject("components").getAsJsonObject("data")
                .getAsJsonObject("parameters").getAsJsonObject("values");
        assertEquals("inputs/descriptor.json#/components/data/with/values", inDescriptor.get("$ref").getAsString());
        assertEquals(inDescriptor, inParameters, "the resolved parameter refers to the same value");
        assertEquals(sha256(values), inDescriptor.get("sha256").getAsString(), "the hash of the value's JSON as written");
        assertEquals(values.length(), inDescriptor.get("bytes").getAsLong());
        assertTrue(doc.getAsJsonArray("artifacts").toString().contains(LargeValues.FILE));

        Path keptFile = result.resolveSibling(LargeValues.FILE);
        String keptText = Files.readString(keptFile);
        assertTrue(keptText.contains(values), "the value's text is kept exactly as written");
        JsonObject kept = JsonParser.parseString(keptText).getAsJsonObject();
        assertEquals(sha256(new Gson().toJson(target(kept, inDescriptor))), inDescriptor.get("sha256").getAsString());
        assertEquals(kept, dereferenced(provenance.get("effectiveDescriptor"), kept),
                "the effective descriptor with its references resolved is the kept descriptor");
        assertEquals(JsonParser.parseString(values), kept.getAsJsonObject("components").getAsJsonObject("data")
                .getAsJsonObject("with").get("values"));
        assertEquals("[1.0.0,1.0.0]", kept.getAsJsonObject("components").getAsJsonObject("data").get("version")
                .getAsString(), "the kept descriptor is pinned, so it reruns exactly");
        assertTrue(Files.readString(result).contains("\"artifacts\": [\"" + LargeValues.FILE + "\"]"),
                "an array of plain values is written on one line");

        Path small = runner().run(plan(descriptor("small", "[1,2,3]", "")), folder.resolve("out"), Map.of("java", "test"));
        assertFalse(Files.exists(small.resolveSibling(LargeValues.FILE)), "a small descriptor is copied whole, as before");
        assertEquals("[1,2,3]", json(small).getAsJsonObject("provenance").getAsJsonObject("effectiveDescriptor")
                .getAsJsonObject("components").getAsJsonObject("data").getAsJsonObject("with").get("values").toString());
    }

    /** result.json without the lines that carry the time, the run id or a duration. */
    private static String withoutTimes(Path result) throws Exception {
        return Files.readAllLines(result, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains("\"startedAt\":") && !l.contains("\"durationMs\":"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void twoRunsGiveByteIdenticalResultsAndKeptDescriptors() throws Exception {
        Path d = descriptor("twice", largeArray(2), ",\"sweep\":{\"data.noise\":[0,1]}");
        Path a = runner().run(plan(d), folder.resolve("a"), Map.of("java", "test"));
        Path b = runner().run(plan(d), folder.resolve("b"), Map.of("java", "test"));
        assertEquals(withoutTimes(a), withoutTimes(b));
        assertEquals(Files.readString(a.resolveSibling(LargeValues.FILE)), Files.readString(b.resolveSibling(LargeValues.FILE)));
    }

    @Test
    void aSweepOverLargeValuesRefersToEachPointsValue() throws Exception {
        String one = largeArray(3);
        String two = largeArray(4);
        Path d = TestFiles.descriptor(folder, "axis.json", "{\"format\":1,\"name\":\"axis\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\"}},"
                + "\"sweep\":{\"data.values\":[" + one + "," + two + "]}}");
        Path result = runner().run(plan(d), folder.resolve("axis-out"), Map.of("java", "test"));
        assertTrue(Files.size(result) < 10_000, Files.size(result) + " bytes");
        JsonArray points = json(result).getAsJsonArray("points");
        JsonObject second = points.get(1).getAsJsonObject().getAsJsonObject("set").getAsJsonObject("data.values");
        assertEquals("inputs/descriptor.json#/sweep/data.values/1", second.get("$ref").getAsString());
        assertEquals(sha256(two), second.get("sha256").getAsString());
        JsonObject parameter = json(result).getAsJsonObject("provenance").getAsJsonObject("components")
                .getAsJsonObject("data").getAsJsonObject("parameters").getAsJsonObject("values");
        assertEquals("inputs/descriptor.json#/sweep/data.values/0", parameter.get("$ref").getAsString(),
                "provenance shows the first point's parameters");
    }

    @Test
    void aLargeDescriptorResumesAndARunOfChangedDataIsRefused() throws Exception {
        Path flag = Files.createFile(folder.resolve("flag"));
        String values = largeArray(5);
        String sweep = ",\"sweep\":{\"task.failWhile\":[\"\",\"" + flag.toString().replace("\\", "\\\\") + "\"]}";
        Path out = folder.resolve("resume");
        PartialRun partial = assertThrows(PartialRun.class, () -> runner().run(plan(descriptor("resumed", values, sweep)),
                out, Map.of("java", "test")));
        Path state = partial.result().resolveSibling(".sweep").resolve("run.json");
        assertTrue(Files.size(state) < 4_000, "the resume state keeps the data's hash, not the data: "
                + Files.size(state) + " bytes");

        String changed = values.replaceFirst("\\[0\\.", "[1.");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> runner().run(
                plan(descriptor("resumed", changed, sweep)), out, Map.of("java", "test"), RunOptions.local(1).resuming(true)));
        assertTrue(refused.getMessage().contains("$.components.data.with.values.sha256"), refused.getMessage());

        Files.delete(flag);
        Path result = runner().run(plan(descriptor("resumed", values, sweep)), out, Map.of("java", "test"),
                RunOptions.local(1).resuming(true));
        assertEquals(partial.result(), result, "the resumed run takes the partial run's place");
        JsonObject doc = json(result);
        assertEquals("ok", doc.get("status").getAsString());
        assertEquals(2, doc.getAsJsonArray("points").size());
        assertTrue(Files.readString(result.resolveSibling(LargeValues.FILE)).contains(values));
    }
}

package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.Runner;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Common random numbers: a component's random stream depends only on the seed and its own role's
 * sweep values, so a sweep over a task parameter sees one data set, and a sweep over the seed a new
 * one at every point; provenance says which streams were shared.
 */
class CommonRandomNumbersTest {
    @TempDir
    Path folder;

    private JsonObject run(String sweep) throws Exception {
        Path file = TestFiles.descriptor(folder, "crn.json", "{\"format\":1,\"name\":\"crn\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\","
                + "\"with\":{\"values\":[0,0,0],\"noise\":1.0,\"record\":true}}},\"sweep\":" + sweep + "}");
        Path result = new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), 2, new FakeProviders())
                .run(new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file,
                        List.of())), folder.resolve("out"), Map.of("java", "test"));
        return JsonParser.parseString(Files.readString(result)).getAsJsonObject();
    }

    private static Set<String> inputHashes(JsonObject doc) {
        Set<String> hashes = new HashSet<>();
        for (JsonElement i : doc.getAsJsonObject("provenance").getAsJsonArray("inputs")) {
            hashes.add(i.getAsJsonObject().get("sha256").getAsString());
        }
        return hashes;
    }

    @Test
    void aSweepOverATaskParameterSeesOneDataSet() throws Exception {
        JsonObject doc = run("{\"task.factor\":[0,0.1,1]}");
        assertEquals(3, doc.getAsJsonArray("points").size());
        assertEquals(3, doc.getAsJsonObject("provenance").getAsJsonArray("inputs").size());
        assertEquals(1, inputHashes(doc).size(), "every point's data has one hash");
        JsonObject shared = doc.getAsJsonObject("provenance").getAsJsonObject("sharedStreams");
        assertEquals("[\"task.factor\"]", shared.get("data").toString());
        assertEquals("[]", shared.get("task").toString(), "the task's own stream follows its own parameter");
        double first = doc.getAsJsonArray("points").get(1).getAsJsonObject().getAsJsonObject("results").get("sum").getAsDouble();
        double second = doc.getAsJsonArray("points").get(2).getAsJsonObject().getAsJsonObject("results").get("sum").getAsDouble();
        assertEquals(first * 10, second, 1e-12, "one data set: the sum scales with the factor alone");
    }

    @Test
    void aSweepOverTheSeedStillVariesEverything() throws Exception {
        JsonObject doc = run("{\"seed\":[1,2,3]}");
        assertEquals(3, inputHashes(doc).size());
        assertEquals("[]", doc.getAsJsonObject("provenance").getAsJsonObject("sharedStreams").get("data").toString());
    }

    @Test
    void aComponentsOwnSweepValuesStillGiveItFreshDraws() throws Exception {
        JsonObject doc = run("{\"data.noise\":[1,2],\"task.factor\":[1,2]}");
        JsonObject p0 = doc.getAsJsonArray("points").get(0).getAsJsonObject();
        JsonObject p1 = doc.getAsJsonArray("points").get(1).getAsJsonObject();
        JsonObject p2 = doc.getAsJsonArray("points").get(2).getAsJsonObject();
        assertEquals(p0.getAsJsonObject("seeds").get("data"), p1.getAsJsonObject("seeds").get("data"),
                "shared along task.factor");
        assertNotEquals(p0.getAsJsonObject("seeds").get("data"), p2.getAsJsonObject("seeds").get("data"),
                "fresh along the data's own noise");
        assertEquals("[\"task.factor\"]", doc.getAsJsonObject("provenance").getAsJsonObject("sharedStreams").get("data")
                .toString());
    }
}

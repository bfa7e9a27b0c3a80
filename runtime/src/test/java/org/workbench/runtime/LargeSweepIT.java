package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A large sweep on the real runtime (issue 25 item 4): past 100 points the points draw no plots of
 * their own (provenance and the log say why and how to ask for them), each point still equals a
 * single run of its seed, and a small sweep draws its points' plots as before unless told not to.
 */
class LargeSweepIT {
    @TempDir
    static Path work;
    static Launcher launcher;

    @BeforeAll
    static void boot() throws Exception {
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, Files.createDirectories(work.resolve("plugins")), false);
    }

    @AfterAll
    static void shutdown() throws Exception {
        launcher.close();
    }

    private static Path p1(String name, String sweep) throws Exception {
        Path file = work.resolve(name + ".json");
        Files.writeString(file, "{\"format\":1,\"name\":\"" + name + "\",\"seed\":181,\"task\":{\"use\":\"gaussian-mean\"},"
                + "\"components\":{\"data\":{\"use\":\"gaussian-sample\",\"with\":{\"n\":20,\"mean\":1.5,\"stddev\":1}},"
                + "\"prior\":{\"use\":\"gaussian\",\"with\":{\"mean\":0,\"variance\":4}},\"likelihood\":{\"use\":\"gaussian\","
                + "\"with\":{\"variance\":1}}}" + (sweep == null ? "" : ",\"sweep\":" + sweep) + "}");
        return file;
    }

    private static JsonObject run(Path file, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("run", file.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", work.resolve("results").toString(), "--quiet"));
        WorkbenchRuntimeIT.Outcome o = PluginsIT.executeOn(launcher, all.toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        return JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
    }

    private static long images(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg")).count();
        }
    }

    private static Path folderOf(JsonObject doc) {
        return work.resolve("results").resolve(doc.get("name").getAsString());
    }

    @Test
    void aSweepOfMoreThanAHundredPointsDrawsNoPlotsOfItsPointsAndEachPointEqualsASingleRun() throws Exception {
        StringBuilder seeds = new StringBuilder();
        for (int s = 1; s <= 101; s++) {
            seeds.append(s == 1 ? "" : ",").append(s);
        }
        JsonObject doc = run(p1("large", "{\"seed\":[" + seeds + "]}"));
        JsonArray points = doc.getAsJsonArray("points");
        assertEquals(101, points.size());
        assertEquals(0, images(folderOf(doc)), "no point's own plots");
        String note = doc.getAsJsonObject("provenance").get("pointPlots").getAsString();
        assertTrue(note.contains("101 points, more than 100") && note.contains("\"pointPlots\": true"), note);
        for (JsonObject point : List.of(points.get(0).getAsJsonObject(), points.get(57).getAsJsonObject())) {
            assertFalse(point.getAsJsonArray("artifacts").toString().contains(".png"));
            long seed = point.get("seed").getAsLong();
            JsonObject single = run(p1("single-" + seed, null), "--set", "seed=" + seed);
            assertEquals(single.get("results"), point.get("results"), "point of seed " + seed);
        }
    }

    @Test
    void aSmallSweepDrawsItsPointsPlotsUnlessTheDescriptorSaysNot() throws Exception {
        JsonObject drawn = run(p1("small", "{\"seed\":[1,2]}"));
        assertEquals(8, images(folderOf(drawn)), "two plots, PNG and SVG, at each of two points");
        assertFalse(drawn.getAsJsonObject("provenance").has("pointPlots"));
        JsonObject none = run(p1("small-none", "{\"seed\":[1,2]}"), "--set", "pointPlots=false");
        assertEquals(0, images(folderOf(none)));
        assertEquals(drawn.get("points").getAsJsonArray().get(1).getAsJsonObject().get("results"),
                none.get("points").getAsJsonArray().get(1).getAsJsonObject().get("results"));
    }
}

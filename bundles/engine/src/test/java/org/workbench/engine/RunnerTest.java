package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.PartialRun;
import org.workbench.engine.run.RunFailure;
import org.workbench.engine.run.RunOptions;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.Runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class RunnerTest {
    @TempDir
    Path folder;

    private Plan plan(String extra) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"exp\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\","
                + "\"with\":{\"values\":[1,2,3],\"noise\":0.5}}}" + extra + "}");
        return new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file, List.of()));
    }

    private JsonObject run(Plan plan, Path out, int threads) throws Exception {
        Path result = new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), threads, new FakeProviders())
                .run(plan, out, Map.of("java", "test"));
        return JsonParser.parseString(Files.readString(result)).getAsJsonObject();
    }

    @Test
    void writesAWholeResultFolderWithProvenance() throws Exception {
        Path out = folder.resolve("results");
        JsonObject doc = run(plan(""), out, 2);
        assertEquals("ok", doc.get("status").getAsString());
        JsonObject results = doc.getAsJsonObject("results");
        assertTrue(results.get("ratio").isJsonNull());
        assertEquals("nothing to divide", results.get("ratioReason").getAsString());
        JsonObject data = doc.getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("data");
        assertEquals("1.0.0", data.get("version").getAsString());
        assertEquals(1L, data.getAsJsonObject("parameters").get("n").getAsLong(), "defaults are recorded");
        assertEquals("[1.0.0,1.0.0]", doc.getAsJsonObject("provenance").getAsJsonObject("effectiveDescriptor")
                .getAsJsonObject("components").getAsJsonObject("data").get("version").getAsString());
        try (Stream<Path> s = Files.list(out.resolve("exp"))) {
            List<Path> entries = s.toList();
            assertEquals(1, entries.size());
            assertFalse(entries.get(0).getFileName().toString().startsWith("."));
        }
    }

    @Test
    void sameSeedSameNumbers() throws Exception {
        JsonObject a = run(plan(""), folder.resolve("a"), 1);
        JsonObject b = run(plan(""), folder.resolve("b"), 1);
        assertEquals(a.get("results"), b.get("results"));
    }

    @Test
    void sweepResultsDoNotDependOnThreadCount() throws Exception {
        String sweep = ",\"sweep\":{\"data.n\":[1,2,3,4,5,6,7]},\"plots\":[{\"name\":\"sum-vs-n\",\"x\":\"data.n\",\"y\":[\"sum\"]}]";
        JsonObject one = run(plan(sweep), folder.resolve("one"), 1);
        JsonObject four = run(plan(sweep), folder.resolve("four"), 4);
        JsonArray p1 = one.getAsJsonArray("points");
        JsonArray p4 = four.getAsJsonArray("points");
        assertEquals(7, p1.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(p1.get(i).getAsJsonObject().get("results"), p4.get(i).getAsJsonObject().get("results"));
            assertEquals(p1.get(i).getAsJsonObject().get("seed"), p4.get(i).getAsJsonObject().get("seed"));
        }
        assertTrue(one.getAsJsonArray("artifacts").toString().contains("sum-vs-n.png"));
    }

    @Test
    void aFailedRunLeavesNothingBehind() throws Exception {
        Path out = folder.resolve("failed");
        RunFailure e = assertThrows(RunFailure.class, () -> run(plan(",\"sweep\":{\"task.fail\":[true,true]}"), out, 2));
        assertTrue(e.getMessage().contains("asked to fail"), e.getMessage());
        assertFalse(Files.exists(out), "not even an empty results or experiment folder is left");
    }

    @Test
    void aFailedPointLeavesTheOthersWholeInAPartialSweep() throws Exception {
        Path out = folder.resolve("partial");
        PartialRun e = assertThrows(PartialRun.class, () -> run(plan(",\"sweep\":{\"task.fail\":[false,true]}"), out, 2));
        JsonObject doc = JsonParser.parseString(Files.readString(e.result())).getAsJsonObject();
        assertEquals("partial", doc.get("status").getAsString());
        assertEquals(1, doc.getAsJsonArray("points").size());
        JsonObject missing = doc.getAsJsonArray("missing").get(0).getAsJsonObject();
        assertEquals(1, missing.get("point").getAsInt());
        assertTrue(missing.get("reason").getAsString().contains("asked to fail"), missing.toString());
        assertEquals("local", doc.getAsJsonObject("provenance").getAsJsonObject("executor").get("kind").getAsString());
    }

    @Test
    void resumeRunsOnlyWhatIsMissingAndEndsAsAnUninterruptedRun() throws Exception {
        Path flag = Files.createFile(folder.resolve("flag"));
        String sweep = ",\"sweep\":{\"task.failWhile\":[\"\",\"" + flag.toString().replace("\\", "\\\\") + "\",\"\"]}";
        Path out = folder.resolve("resume");
        PartialRun partial = assertThrows(PartialRun.class, () -> run(plan(sweep), out, 2));
        JsonObject first = JsonParser.parseString(Files.readString(partial.result())).getAsJsonObject();
        InvalidInputException changed = assertThrows(InvalidInputException.class, () -> runner(1).run(
                plan(sweep.replace("[\"\",", "[\"x\",")), out, Map.of("java", "test"), RunOptions.local(1).resuming(true)));
        assertTrue(changed.getMessage().contains("$.task.with.failWhile") || changed.getMessage().contains("$.sweep"),
                changed.getMessage());
        Files.delete(flag);
        Path result = runner(1).run(plan(sweep), out, Map.of("java", "test"), RunOptions.local(1).resuming(true));
        JsonObject resumed = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertEquals("ok", resumed.get("status").getAsString());
        assertFalse(resumed.has("missing"));
        assertEquals(partial.result(), result, "the resumed run takes the partial run's place");
        JsonArray points = resumed.getAsJsonArray("points");
        assertEquals(3, points.size());
        assertEquals(first.getAsJsonArray("points").get(0).getAsJsonObject().get("durationMs"),
                points.get(0).getAsJsonObject().get("durationMs"), "a finished point is not run again");
        JsonObject fresh = run(plan(sweep), folder.resolve("fresh"), 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(fresh.getAsJsonArray("points").get(i).getAsJsonObject().get("results"),
                    points.get(i).getAsJsonObject().get("results"));
        }
        assertFalse(Files.exists(result.getParent().resolve(".sweep")), "a whole run keeps no resume state");
    }

    private Runner runner(int threads) {
        return new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), threads, new FakeProviders());
    }

    @Test
    void taskPlotsAreWrittenAsPngAndSvg() throws Exception {
        Path out = folder.resolve("plots");
        Plan plan = plan(",\"sweep\":{\"task.plot\":[true]}");
        JsonObject doc = run(plan, out, 1);
        String artifacts = doc.getAsJsonArray("artifacts").toString();
        assertTrue(artifacts.contains("points/0/values.png") && artifacts.contains("points/0/values.svg"), artifacts);
        try (Stream<Path> s = Files.walk(out)) {
            Path png = s.filter(p -> p.toString().endsWith("values.png")).findFirst().orElseThrow();
            byte[] head = Files.readAllBytes(png);
            assertEquals((byte) 0x89, head[0]);
            assertEquals('P', head[1]);
        }
    }

    @Test
    void aSeedAxisGivesEachPointItsSeedAndASummaryOverTheSeeds() throws Exception {
        JsonObject doc = run(plan(",\"sweep\":{\"seed\":[11,12,13]}"), folder.resolve("seeds"), 2);
        JsonArray points = doc.getAsJsonArray("points");
        double[] sums = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonObject p = points.get(i).getAsJsonObject();
            assertEquals(11 + i, p.get("seed").getAsLong());
            sums[i] = p.getAsJsonObject("results").get("sum").getAsDouble();
        }
        assertTrue(sums[0] != sums[1], "different seeds draw different noise");
        double mean = (sums[0] + sums[1] + sums[2]) / 3;
        double ss = 0;
        for (double v : sums) {
            ss += (v - mean) * (v - mean);
        }
        JsonObject group = doc.getAsJsonArray("summary").get(0).getAsJsonObject();
        assertEquals("[11,12,13]", group.getAsJsonArray("seeds").toString());
        JsonObject sum = group.getAsJsonObject("results").getAsJsonObject("sum");
        assertEquals(3, sum.get("n").getAsInt());
        assertEquals(mean, sum.get("mean").getAsDouble(), 1e-12);
        assertEquals(Math.sqrt(ss / 2), sum.get("sd").getAsDouble(), 1e-12);
        assertEquals(Math.sqrt(ss / 2) / Math.sqrt(3), sum.get("stderr").getAsDouble(), 1e-12);
        assertEquals(Math.min(sums[0], Math.min(sums[1], sums[2])), sum.get("min").getAsDouble(), 0.0);
        Path file = TestFiles.descriptor(folder, "alone.json", Files.readString(folder.resolve("d.json"))
                .replace("\"seed\":5,", "\"seed\":12,").replace(",\"sweep\":{\"seed\":[11,12,13]}", ""));
        JsonObject alone = run(new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file,
                List.of())), folder.resolve("alone"), 1);
        assertEquals(sums[1], alone.getAsJsonObject("results").get("sum").getAsDouble(), 0.0,
                "a seed point equals the unswept run with that seed");
    }

    @Test
    void seedAcrossIsSharedAlongTheNamedParameterOnly() throws Exception {
        String sweep = ",\"sweep\":{\"task.factor\":[1,2],\"data.n\":[1,2,3]}";
        Path file = TestFiles.descriptor(folder, "shared.json", "{\"format\":1,\"name\":\"shared\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[1,1.1)\","
                + "\"with\":{\"values\":[0,0],\"noise\":1.0,\"shareAcrossN\":true}}}" + sweep + "}");
        Plan plan = new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file, List.of()));
        JsonArray points = run(plan, folder.resolve("shared-out"), 2).getAsJsonArray("points");
        assertEquals(6, points.size());
        for (int f = 0; f < 2; f++) {
            JsonObject first = points.get(3 * f).getAsJsonObject();
            for (int n = 1; n < 3; n++) {
                JsonObject q = points.get(3 * f + n).getAsJsonObject();
                assertEquals(first.getAsJsonObject("seeds").get("data"), q.getAsJsonObject("seeds").get("data"));
                assertEquals(first.getAsJsonObject("results").get("sum"), q.getAsJsonObject("results").get("sum"),
                        "values 0 times n plus the same noise");
                assertTrue(first.get("seed").getAsLong() != q.get("seed").getAsLong(), "the points' own seeds differ");
            }
        }
        assertEquals(points.get(0).getAsJsonObject().getAsJsonObject("seeds").get("data"),
                points.get(3).getAsJsonObject().getAsJsonObject("seeds").get("data"),
                "common random numbers: the data's stream is shared across the task's factor too");
    }

    @Test
    void aPlotOverAListInEachPointsResultsDrawsOneCurvePerPoint() throws Exception {
        String sweep = ",\"sweep\":{\"seed\":[1,2]},\"plots\":[{\"name\":\"curves\",\"x\":\"steps.step\",\"y\":\"steps.value\"}]";
        JsonObject doc = run(plan(sweep), folder.resolve("curves"), 1);
        assertTrue(doc.getAsJsonArray("artifacts").toString().contains("curves.png"));
        JsonObject against = run(plan(",\"sweep\":{\"data.n\":[1,2]},\"plots\":[{\"name\":\"against\",\"x\":\"results.sum\","
                + "\"y\":\"taskDraw\"}]"), folder.resolve("against"), 1);
        assertTrue(against.getAsJsonArray("artifacts").toString().contains("against.png"));
        assertThrows(org.workbench.engine.input.InvalidInputException.class,
                () -> plan(",\"sweep\":{\"seed\":[1,2]},\"plots\":[{\"name\":\"c\",\"x\":\"data.m\",\"y\":\"sum\"}]"));
        assertThrows(org.workbench.engine.input.InvalidInputException.class, () -> plan(",\"sweep\":{\"seed\":[1,1.5]}"));
        assertThrows(org.workbench.engine.input.InvalidInputException.class, () -> plan(",\"sweep\":{\"seed\":[3,3]}"));
    }
}

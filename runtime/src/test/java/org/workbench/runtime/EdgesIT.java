package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The edges of the input, on the real runtime: descriptors that are not regular files or are too
 * large, paths no file can have and CSV lines without end are exit 2 at once; zero observations
 * (inline, a header-only CSV, generated) give the prior's closed forms; and a sweep killed with
 * kill -9 before any point finished, in the middle and near its end resumes on the first try.
 */
class EdgesIT {
    @TempDir
    static Path work;
    static Path plugins;
    static Launcher launcher;

    @BeforeAll
    static void boot() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.drop(FaultyPlugin.build(work, "1.0.0"), plugins, "faulty.jar");
        launcher = Launcher.start(WorkbenchRuntimeIT.HOME, plugins, false);
        try (ServiceWaiter faulty = new ServiceWaiter(launcher.framework().getBundleContext(),
                "(&(objectClass=org.workbench.api.Provider)(workbench.name=faulty))")) {
            faulty.await(refs -> refs.size() == 1, 10_000, "the faulty prior");
        }
    }

    @AfterAll
    static void shutdown() throws Exception {
        launcher.close();
    }

    private static WorkbenchRuntimeIT.Outcome run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", work.resolve("results").toString(), "--quiet"));
        return PluginsIT.executeOn(launcher, all.toArray(String[]::new));
    }

    private static void refused(WorkbenchRuntimeIT.Outcome o, String... says) {
        assertEquals(2, o.status(), o.err());
        for (String s : says) {
            assertTrue(o.err().contains(s), "says '" + s + "': " + o.err());
        }
        assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
    }

    // ---- bounded inputs ----

    @Test
    void aDeviceAFifoAndAnOversizedDescriptorAreRefusedAtOnce() throws Exception {
        Path fifo = work.resolve("pipe.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            refused(run("/dev/zero"), "/dev/zero: is not a regular file");
            refused(run(fifo.toString()), fifo + ": is not a regular file");
        });
        Path p1 = p1("small", "{\"use\":\"inline\",\"with\":{\"values\":[1,2]}}");
        refused(run(p1.toString(), "--max-descriptor-bytes", "100"), p1 + ": is " + Files.size(p1)
                + " bytes, more than the limit of 100 bytes");
    }

    @Test
    void aPathWithANulCharacterIsInvalidInputNamingTheFileAndJsonPath() throws Exception {
        Path file = p1("nul-path", "{\"use\":\"csv\",\"with\":{\"path\":\"data\\u0000.csv\"}}");
        refused(run(file.toString()), file + ": $.components.data.with.path: ", "NUL");
    }

    @Test
    void aCsvLineWithoutEndIsRefusedNamingTheLine() throws Exception {
        Path csv = work.resolve("endless.csv");
        Files.writeString(csv, "value\n1.5\n" + "1".repeat(1_100_000) + "\n2.5\n");
        Path file = p1("endless", "{\"use\":\"csv\",\"with\":{\"path\":\"endless.csv\"}}");
        refused(run(file.toString()), "endless.csv line 3: longer than 1048576 characters");
    }

    // ---- zero observations ----

    /** Problem 1 without data, three ways: the posterior is the prior N(0.3, 2), the predictive N(0.3, 3). */
    @Test
    void zeroObservationsGiveThePriorWhateverTheirForm() throws Exception {
        Files.writeString(work.resolve("header-only.csv"), "value\n");
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("inline-empty", "{\"use\":\"inline\",\"with\":{\"values\":[]}}");
        forms.put("csv-header-only", "{\"use\":\"csv\",\"with\":{\"path\":\"header-only.csv\"}}");
        forms.put("generated-none", "{\"use\":\"gaussian-sample\",\"with\":{\"n\":0}}");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            JsonObject r = results(run(p1(form.getKey(), form.getValue()).toString()));
            assertEquals(0, r.get("n").getAsLong(), form.getKey());
            assertEquals(0.3, r.getAsJsonObject("posterior").get("mean").getAsDouble(), 1e-15, form.getKey());
            assertEquals(2.0, r.getAsJsonObject("posterior").get("variance").getAsDouble(), 1e-15, form.getKey());
            assertEquals(0.3, r.get("map").getAsDouble(), 1e-15, form.getKey());
            assertEquals(0.3, r.getAsJsonObject("predictive").get("mean").getAsDouble(), 1e-15, form.getKey());
            assertEquals(3.0, r.getAsJsonObject("predictive").get("variance").getAsDouble(), 1e-15, form.getKey());
            assertTrue(r.get("mle").isJsonNull() && r.get("mleReason").getAsString().contains("n = 0"), form.getKey());
        }
        WorkbenchRuntimeIT.Outcome sweep = run(p1("from-zero", forms.get("generated-none")).toString(),
                "--sweep", "data.n=0,1,10");
        assertEquals(0, sweep.status(), sweep.err());
        JsonArray points = document(sweep).getAsJsonArray("points");
        assertEquals(3, points.size());
        assertEquals(2.0, points.get(0).getAsJsonObject().getAsJsonObject("results").getAsJsonObject("posterior")
                .get("variance").getAsDouble(), 1e-15, "a sweep over n starts at 0");
    }

    /** Regression without data, generated and from a header-only CSV: the MAP is the prior's location. */
    @Test
    void zeroObservationsInARegressionGiveThePriorsLocation() throws Exception {
        Files.writeString(work.resolve("regression-header-only.csv"), "x1,x2,y\n");
        for (String data : List.of("{\"use\":\"linear-gaussian\",\"with\":{\"n\":0,\"p\":2,\"noiseVariance\":1,\"w\":[1,-1]}}",
                "{\"use\":\"csv\",\"with\":{\"path\":\"regression-header-only.csv\",\"target\":\"y\"}}")) {
            Path file = work.resolve("regression-" + data.length() + ".json");
            Files.writeString(file, "{\"format\":1,\"name\":\"regression-" + data.length() + "\",\"task\":{\"use\":"
                    + "\"bayesian-linear-regression\"},\"components\":{\"data\":" + data + ",\"prior\":{\"use\":\"laplace\","
                    + "\"with\":{\"location\":[0.5,-0.25],\"scale\":0.3}},\"likelihood\":{\"use\":\"gaussian\",\"with\":"
                    + "{\"variance\":1}},\"optimizer\":{\"use\":\"coordinate-descent\"},\"sampler\":{\"use\":\"gibbs-laplace\","
                    + "\"with\":{\"iterations\":200,\"burnIn\":50,\"chains\":2}}}}");
            JsonObject r = results(run(file.toString()));
            assertEquals(0, r.get("n").getAsLong(), data);
            JsonArray map = r.getAsJsonObject("map").getAsJsonArray("w");
            assertEquals(0.5, map.get(0).getAsDouble(), 0.0, data);
            assertEquals(-0.25, map.get(1).getAsDouble(), 0.0, data);
            JsonArray mean = r.getAsJsonObject("posteriorMean").getAsJsonArray("w");
            assertEquals(0.5, mean.get(0).getAsDouble(), 1e-12, data);
            assertEquals(-0.25, mean.get(1).getAsDouble(), 1e-12, data);
            assertTrue(r.get("lassoAlpha").isJsonNull(), data);
        }
    }

    private static Path p1(String name, String data) throws Exception {
        Path file = work.resolve(name + ".json");
        Files.writeString(file, "{\"format\":1,\"name\":\"" + name + "\",\"task\":{\"use\":\"gaussian-mean\",\"with\":"
                + "{\"plots\":false}},\"components\":{\"data\":" + data + ",\"prior\":{\"use\":\"gaussian\",\"with\":"
                + "{\"mean\":0.3,\"variance\":2}},\"likelihood\":{\"use\":\"gaussian\",\"with\":{\"variance\":1}}}}");
        return file;
    }

    private static JsonObject document(WorkbenchRuntimeIT.Outcome o) throws Exception {
        assertEquals(0, o.status(), o.err());
        return JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
    }

    private static JsonObject results(WorkbenchRuntimeIT.Outcome o) throws Exception {
        return document(o).getAsJsonObject("results");
    }

    // ---- kill -9 and --resume ----

    /**
     * Three sweeps of four points on one thread, each killed with kill -9 while one point waits at a
     * gate: before any point finished, in the middle (two finished) and near the end (three
     * finished). After the gate opens, --resume succeeds on its first try every time: the folder of
     * the first, which kept nothing, is removed and the run starts afresh; the others are resumed in
     * their own place.
     */
    @Test
    void aSweepKilledAtAnyMomentResumesOnTheFirstTry() throws Exception {
        Map<String, Integer> finishedBefore = new LinkedHashMap<>();
        finishedBefore.put("kill-before", 0);
        finishedBefore.put("kill-middle", 2);
        finishedBefore.put("kill-end", 3);
        Path out = work.resolve("kills");
        Map<String, WorkbenchProcess> running = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : finishedBefore.entrySet()) {
            Path folder = Files.createDirectories(work.resolve(e.getKey()));
            StringBuilder how = new StringBuilder("[");
            for (int i = 0; i < 4; i++) {
                how.append(i == 0 ? "" : ",").append(i == e.getValue() ? "\"late\"" : "\"ok\"");
            }
            Path file = folder.resolve(e.getKey() + ".json");
            Files.writeString(file, "{\"format\":1,\"name\":\"" + e.getKey() + "\",\"task\":{\"use\":\"gaussian-mean\","
                    + "\"with\":{\"plots\":false}},\"components\":{\"data\":{\"use\":\"inline\",\"with\":{\"values\":[0.5,1.5]}},"
                    + "\"prior\":{\"use\":\"faulty\",\"with\":{\"how\":\"ok\",\"gate\":\"" + folder.resolve("gate") + "\"}},"
                    + "\"likelihood\":{\"use\":\"gaussian\",\"with\":{\"variance\":1}}},\"sweep\":{\"prior.how\":" + how + "]}}");
            files.put(e.getKey(), file);
            // each in an output folder of its own: a run's start removes the folders of dead runs that kept nothing
            running.put(e.getKey(), WorkbenchProcess.start(folder.resolve("process"), plugins, "run", file.toString(),
                    "--out", out.resolve(e.getKey()).toString(), "--quiet", "--threads", "1"));
        }
        for (Map.Entry<String, WorkbenchProcess> e : running.entrySet()) {
            Path folder = work.resolve(e.getKey());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(folder.resolve("waiting")) && records(out.resolve(e.getKey()).resolve(e.getKey())) == finishedBefore.get(e.getKey()))
                    && e.getValue().alive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertTrue(e.getValue().alive(), e.getKey() + " ended before the kill: " + e.getValue().stderr());
            e.getValue().kill();
            assertEquals(finishedBefore.get(e.getKey()), records(out.resolve(e.getKey()).resolve(e.getKey())), e.getKey());
            Files.writeString(folder.resolve("gate"), "open");
        }
        for (Map.Entry<String, Path> e : files.entrySet()) {
            List<Path> before = list(out.resolve(e.getKey()).resolve(e.getKey()));
            assertEquals(1, before.size(), before.toString());
            WorkbenchRuntimeIT.Outcome resumed = PluginsIT.executeOn(launcher, "run", e.getValue().toString(), "--out",
                    out.resolve(e.getKey()).toString(), "--quiet", "--resume");
            JsonObject doc = document(resumed);
            assertEquals("ok", doc.get("status").getAsString(), e.getKey());
            assertEquals(4, doc.getAsJsonArray("points").size(), e.getKey());
            List<Path> after = list(out.resolve(e.getKey()).resolve(e.getKey()));
            assertEquals(1, after.size(), "nothing but the result is left: " + after);
            assertFalse(after.get(0).getFileName().toString().startsWith("."), after.toString());
            if (finishedBefore.get(e.getKey()) > 0) {
                assertTrue(before.get(0).getFileName().toString().startsWith(".incomplete-"
                        + after.get(0).getFileName() + "-pid"), "resumed in its own place: " + before + " " + after);
            }
        }
    }

    /** The records of finished points kept in the experiment's unfinished folder. */
    private static int records(Path experiment) throws Exception {
        int n = 0;
        for (Path run : list(experiment)) {
            n += list(run.resolve(".sweep").resolve("points")).stream()
                    .filter(p -> p.getFileName().toString().matches("\\d+\\.json")).count();
        }
        return n;
    }

    private static List<Path> list(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException changing) {
            return List.of();
        }
    }
}

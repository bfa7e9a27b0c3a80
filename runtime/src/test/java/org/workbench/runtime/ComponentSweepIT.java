package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Component sweeps on the real runtime (issue 22 item 6): problem 1 with a sweep over the prior's
 * provider, Gaussian and Laplace. Each point equals a single run of its prior bit for bit (same
 * seed), records the provider and version it ran, and a parameter only one prior has is exit 2
 * naming the point, the provider and its parameters.
 */
class ComponentSweepIT {
    private static final String GAUSSIAN = "{\"use\":\"gaussian\",\"with\":{\"mean\":0.3,\"variance\":2}}";
    private static final String LAPLACE = "{\"use\":\"laplace\",\"with\":{\"location\":0.3,\"scale\":1}}";

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

    private static Path p1(String name, String prior, String sweep) throws Exception {
        Path file = work.resolve(name + ".json");
        Files.writeString(file, "{\"format\":1,\"name\":\"" + name + "\",\"seed\":181,\"task\":{\"use\":\"gaussian-mean\","
                + "\"with\":{\"plots\":false}},\"components\":{\"data\":{\"use\":\"gaussian-sample\",\"with\":{\"n\":20,"
                + "\"mean\":1.5,\"stddev\":1}},\"prior\":" + prior + ",\"likelihood\":{\"use\":\"gaussian\",\"with\":"
                + "{\"variance\":1}}}" + (sweep == null ? "" : ",\"sweep\":" + sweep) + "}");
        return file;
    }

    private static WorkbenchRuntimeIT.Outcome run(Path file, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("run", file.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", work.resolve("results").toString(), "--quiet"));
        return PluginsIT.executeOn(launcher, all.toArray(String[]::new));
    }

    private static JsonObject document(WorkbenchRuntimeIT.Outcome o) throws Exception {
        assertEquals(0, o.status(), o.err());
        return JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
    }

    @Test
    void aPriorSweepOverGaussianAndLaplaceEqualsASingleRunOfEach() throws Exception {
        WorkbenchRuntimeIT.Outcome sweep = run(p1("prior-sweep", GAUSSIAN, "{\"prior\":[" + GAUSSIAN + "," + LAPLACE
                + "],\"seed\":[181]}"));
        JsonObject swept = document(sweep);
        ResultContract.of(launcher, work).check(Path.of(sweep.lastLine()));
        assertTrue(swept.getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("prior")
                .has("perPoint"));
        JsonArray points = swept.getAsJsonArray("points");
        assertEquals(2, points.size());
        JsonObject gaussian = document(run(p1("single-gaussian", GAUSSIAN, null)));
        JsonObject laplace = document(run(p1("single-laplace", LAPLACE, null)));
        assertEquals(gaussian.get("results"), points.get(0).getAsJsonObject().get("results"));
        assertEquals(laplace.get("results"), points.get(1).getAsJsonObject().get("results"));
        assertFalse(gaussian.get("results").equals(laplace.get("results")), "the two priors give different answers");
        for (int i = 0; i < 2; i++) {
            String name = i == 0 ? "gaussian" : "laplace";
            JsonObject point = points.get(i).getAsJsonObject();
            assertEquals(name, point.getAsJsonObject("set").getAsJsonObject("prior").get("use").getAsString());
            JsonObject ran = point.getAsJsonObject("components").getAsJsonObject("prior");
            assertEquals(name, ran.get("name").getAsString());
            String single = (i == 0 ? gaussian : laplace).getAsJsonObject("provenance").getAsJsonObject("components")
                    .getAsJsonObject("prior").get("version").getAsString();
            assertEquals(single, ran.get("version").getAsString());
        }
    }

    @Test
    void theCommandLineSweepsTheProviderAndValidatesEachPointsParameters() throws Exception {
        Path file = p1("prior-use", GAUSSIAN, null);
        WorkbenchRuntimeIT.Outcome refused = run(file, "--sweep", "prior.use=gaussian,laplace");
        assertEquals(2, refused.status(), refused.err());
        for (String says : List.of(file + ": $.components.prior.with.mean", "unknown parameter 'mean' for prior 'laplace'",
                "valid parameters: location, scale", "at sweep point {prior.use=\"laplace\"}", "sweep whole components")) {
            assertTrue(refused.err().contains(says), "says '" + says + "': " + refused.err());
        }
        JsonObject doc = document(run(file, "--set", "prior.with={}", "--sweep", "prior.use=gaussian,laplace"));
        JsonArray points = doc.getAsJsonArray("points");
        assertEquals("gaussian", points.get(0).getAsJsonObject().getAsJsonObject("set").get("prior.use").getAsString());
        assertEquals("laplace", points.get(1).getAsJsonObject().getAsJsonObject("set").get("prior.use").getAsString());
        assertEquals("laplace", points.get(1).getAsJsonObject().getAsJsonObject("components").getAsJsonObject("prior")
                .get("name").getAsString());
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Boots the real framework from the assembled distribution (target/dist) and drives the engine
 * through the service registry, as {@code ./workbench} does: every descriptor under
 * {@code experiments/} runs, and bad input is refused without writing anything.
 */
class WorkbenchRuntimeIT {
    static final Path HOME = Path.of(System.getProperty("workbench.home", "target/dist"));
    static final Path EXPERIMENTS = Path.of(System.getProperty("workbench.experiments", "../experiments"));

    @TempDir
    static Path work;
    static Launcher launcher;
    static ResultContract contract;

    record Outcome(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    @BeforeAll
    static void boot() throws Exception {
        launcher = Launcher.start(HOME, work.resolve("plugins"), false);
        Path descriptors = work.resolve("schemas/workbench.schema.json");
        Outcome o = execute("schema", descriptors.toString());
        assertEquals(0, o.status(), o.err());
        Path results = descriptors.resolveSibling("result.schema.json");
        assertEquals(results + "\n" + descriptors, o.out().strip(), "the result schema is written beside, the descriptor's path last");
        contract = ResultContract.of(results);
    }

    @AfterAll
    static void shutdown() throws Exception {
        launcher.close();
    }

    static Outcome execute(String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = launcher.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyBundleOfTheDistributionIsActive() {
        assertEquals(List.of(), launcher.problems());
        for (Bundle b : launcher.framework().getBundleContext().getBundles()) {
            assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
        }
    }

    @Test
    void listShowsProvidersFromTheirBundles() throws Exception {
        Outcome o = execute("list");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("prior-gaussian ["), o.out());
        assertTrue(execute("list", "--wide").out().contains("org.workbench.prior-gaussian"));
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("task") && l.contains("gaussian-mean")), o.out());
    }

    @Test
    void describePrintsDeclaredParameters() throws Exception {
        Outcome o = execute("describe", "prior/gaussian");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("variance") && o.out().contains("> 0"), o.out());
    }

    @TestFactory
    Stream<DynamicTest> everyExperimentRunsAndWritesAWholeResult() throws IOException {
        Path out = work.resolve("results");
        List<Path> descriptors;
        try (Stream<Path> s = Files.list(EXPERIMENTS)) {
            descriptors = s.filter(p -> p.toString().endsWith(".json"))
                    .sorted().toList();
        }
        assertFalse(descriptors.isEmpty());
        return Stream.concat(descriptors.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            List<String> args = new java.util.ArrayList<>(List.of("run", d.toString(), "--out", out.toString(), "--quiet"));
            args.addAll(CHEAPER.getOrDefault(d.getFileName().toString(), List.of()));
            Outcome o = execute(args.toArray(String[]::new));
            assertEquals(0, o.status(), o.err());
            Path result = Path.of(o.lastLine());
            assertTrue(Files.isRegularFile(result), o.out());
            JsonObject doc = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
            assertEquals("ok", doc.get("status").getAsString());
            assertTrue(doc.has("results") || doc.has("points"));
            JsonObject provenance = doc.getAsJsonObject("provenance");
            assertEquals(64, provenance.get("descriptorSha256").getAsString().length());
            for (var artifact : doc.getAsJsonArray("artifacts")) {
                assertTrue(Files.size(result.getParent().resolve(artifact.getAsString())) > 0, artifact.toString());
            }
            HomeworkAnswers.check(d, doc);
            org.workbench.api.result.RunSummary summary = contract.check(result);
            if (doc.get("task").getAsString().equals("train-classifier")) {
                assertEquals(List.of("loss", "accuracy"), summary.layout().charts().stream()
                        .map(org.workbench.api.result.Chart::id).toList(), "the task declares its curves");
            }
        })), Stream.of(DynamicTest.dynamicTest("handin.pdf from these results", () -> {
            // the runs above are the homework runs (but the cheaper ones, which are ad hoc)
            Outcome o = execute("handin", "--out", out.toString(), "--experiments", EXPERIMENTS.toString());
            HandinChecks.check(o.status(), o.out(), o.err(), out, EXPERIMENTS);
        })));
    }

    @Test
    void theResultSchemaRefusesAResultThatBreaksTheContract() throws Exception {
        Outcome o = execute("schema", "--result");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("\"$id\": \"urn:workbench:result:1\""), o.out());
        String ok = "{\"name\":\"x\",\"task\":\"t\",\"status\":\"ok\",\"seed\":1,\"results\":{\"a\":null,"
                + "\"aReason\":\"the sum is 0\"},\"artifacts\":[],\"provenance\":{\"task\":{\"kind\":\"task\",\"name\":\"t\","
                + "\"bundle\":\"b\",\"version\":\"1.0.0\",\"parameters\":{}},\"components\":{},\"descriptor\":\"x.json\","
                + "\"descriptorSha256\":\"" + "0".repeat(64) + "\",\"overrides\":[],\"effectiveDescriptor\":{\"format\":1,"
                + "\"name\":\"x\",\"task\":{\"use\":\"t\"}},\"startedAt\":\"2026-12-07T08:00:00Z\",\"durationMs\":3,"
                + "\"swaps\":[],\"inputs\":[]}}";
        assertEquals(List.of(), contract.errors(ok));
        for (String broken : List.of(ok.replace("\"status\":\"ok\"", "\"status\":\"done\""),
                ok.replace("\"seed\":1,", "\"seed\":1,\"sede\":2,"),
                ok.replace("\"results\":{", "\"points\":[],\"results\":{"),
                ok.replace("\"artifacts\":[]", "\"artifacts\":[\"../outside.png\"]"),
                ok.replace("\"artifacts\":[]", "\"artifacts\":[],\"layout\":{\"charts\":[{\"id\":\"Loss\"}],"
                        + "\"tables\":[],\"draws\":[]}"))) {
            assertFalse(contract.errors(broken).isEmpty(), "the schema accepts " + broken);
        }
    }

    /** Overrides that keep the suite's run of an expensive experiment short; its result keys stay the same. */
    static final java.util.Map<String, List<String>> CHEAPER = java.util.Map.of(
            "p4-template-mlp-seeds.json", List.of("--set", "data.with.trainLimit=2000", "--set", "data.with.testLimit=500"));

    @Test
    void describeListsATasksDocumentedResultKeys() throws Exception {
        Outcome o = execute("describe", "task/gaussian-mean", "--experiments", EXPERIMENTS.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("result keys (") && o.out().contains("shrinkage.{factor,priorMean,map,formula}"), o.out());
    }

    @Test
    void thePlaceholderResolverFollowsTheAnswersFormat() {
        JsonObject doc = JsonParser.parseString("{\"seed\":3,\"results\":{\"map\":{\"w\":[1,2]},\"undefined\":null},"
                + "\"points\":[{\"results\":{\"m\":[[4]]}}]}").getAsJsonObject();
        assertEquals(List.of("results.map.w.2", "results.nothing", "points.1.results.m"), HomeworkAnswers.missing(
                "{{seed}} {{results.map.w.1:3}} {{results.map.w.2}} {{results.undefined}} {{points.0.results.m.0.0:2}}"
                        + " {{results.nothing:4}} {{points.1.results.m}}", doc));
    }

    @Test
    void theAnswersCheckFindsTypedParametersAndResolvesDescriptorForms() {
        assertEquals(2, HomeworkAnswers.literalParameters("## Question\n$n = 5$\n## Answer\nWith $\\tau^2 = 4$ after 10 epochs,"
                + " $n = {{with.data.n}}$\n").size());
        JsonObject doc = JsonParser.parseString("{\"results\":{\"e\":[1,2,3]},\"provenance\":{\"effectiveDescriptor\":"
                + "{\"components\":{\"prior\":{\"with\":{\"variance\":9}}},\"sweep\":{\"data.n\":[1,10]}},"
                + "\"components\":{\"prior\":{\"parameters\":{\"mean\":[0.0]}}}}}").getAsJsonObject();
        assertEquals(9, HomeworkAnswers.resolve(doc, "with.prior.variance").getAsInt());
        assertEquals(0.0, HomeworkAnswers.parameter(doc, "prior.mean"));
        assertEquals(10, HomeworkAnswers.resolve(doc, "sweep.data.n.1").getAsInt());
        assertEquals(3, HomeworkAnswers.resolve(doc, "results.e.-1").getAsInt());
        assertEquals(List.of("with.prior.scale", "results.e.3"), HomeworkAnswers.missing("{{with.prior.scale}} {{results.e.3}}", doc));
    }

    @Test
    void everyDescriptorHasAnAnswerForQuestionsOfTheHomework() throws IOException {
        HomeworkAnswers.checkIndex(EXPERIMENTS);
    }

    /**
     * Common random numbers on the real runtime: a sweep over the prior's variance draws one sample
     * (one input hash at every point) and provenance says the data's stream was shared along it; a
     * task plot on a log axis from a point at 0 leaves the run whole with a note.
     */
    @Test
    void aSweepOverAnotherRolesParameterSeesOneDataSet() throws Exception {
        Path d = work.resolve("crn.json");
        Files.writeString(d, "{\"format\":1,\"name\":\"crn\",\"seed\":3,\"task\":{\"use\":\"gaussian-mean\","
                + "\"with\":{\"plots\":false}},\"components\":{\"data\":{\"use\":\"gaussian-sample\",\"with\":{\"n\":5}},"
                + "\"prior\":{\"use\":\"gaussian\"},\"likelihood\":{\"use\":\"gaussian\"}},"
                + "\"sweep\":{\"prior.variance\":[0.5,1,4],\"data.n\":[0,5]},"
                + "\"plots\":[{\"name\":\"map-vs-n\",\"x\":\"data.n\",\"y\":[\"posterior.mean\"],\"logX\":true}]}");
        Outcome o = execute("run", d.toString(), "--out", work.resolve("crn-results").toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        JsonObject doc = JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (var input : doc.getAsJsonObject("provenance").getAsJsonArray("inputs")) {
            JsonObject i = input.getAsJsonObject();
            if (i.get("role").getAsString().equals("data") && i.get("rows").getAsInt() == 5) {
                hashes.add(i.get("sha256").getAsString());
            }
        }
        assertEquals(1, hashes.size(), "the three prior variances see one sample of 5: " + hashes);
        assertEquals("[\"prior.variance\",\"data.n\"]", doc.getAsJsonObject("provenance").getAsJsonObject("sharedStreams")
                .get("data").toString());
        assertTrue(doc.getAsJsonArray("plotNotes").toString().contains("at x = 0 left out"), doc.toString());
        assertTrue(doc.getAsJsonArray("artifacts").toString().contains("map-vs-n.png"));
    }

    @Test
    void invalidDescriptorExitsWithTwoAndWritesNothing() throws Exception {
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, "{\"format\":1,\"name\":\"bad\",\"task\":{\"use\":\"gaussian-mean\"},\"components\":{"
                + "\"data\":{\"use\":\"inline\",\"with\":{\"values\":[1,2]}},"
                + "\"prior\":{\"use\":\"gaussian\",\"with\":{\"variance\":-4}},"
                + "\"likelihood\":{\"use\":\"gaussian\"}}}");
        Path out = work.resolve("bad-results");
        Outcome o = execute("run", bad.toString(), "--out", out.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains(bad.toString()) && o.err().contains("$.components.prior.with.variance")
                && o.err().contains("must be > 0"), o.err());
        assertFalse(Files.exists(out.resolve("bad")));
    }

    @Test
    void failedRunExitsWithOneAndLeavesNoFolder() throws Exception {
        Path missing = work.resolve("missing.json");
        Files.writeString(missing, "{\"format\":1,\"name\":\"missing\",\"task\":{\"use\":\"gaussian-mean\"},\"components\":{"
                + "\"data\":{\"use\":\"inline\",\"with\":{\"x\":[[1,2],[3,4]],\"y\":[1,2]}},"
                + "\"prior\":{\"use\":\"gaussian\"},\"likelihood\":{\"use\":\"gaussian\"}}}");
        Path out = work.resolve("missing-results");
        Outcome o = execute("run", missing.toString(), "--out", out.toString());
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("run failed") && o.err().contains(missing.toString()), o.err());
        try (Stream<Path> s = Files.exists(out.resolve("missing")) ? Files.list(out.resolve("missing")) : Stream.empty()) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void setOverridesAValueAndProvenanceRecordsIt() throws Exception {
        Path out = work.resolve("set-results");
        Outcome o = execute("run", EXPERIMENTS.resolve("p1-1-posterior.json").toString(), "--out", out.toString(),
                "--set", "prior.with.variance=9", "--quiet");
        assertEquals(0, o.status(), o.err());
        JsonObject doc = JsonParser.parseString(Files.readString(Path.of(o.lastLine()))).getAsJsonObject();
        JsonObject prior = doc.getAsJsonObject("provenance").getAsJsonObject("components").getAsJsonObject("prior");
        assertEquals(9.0, prior.getAsJsonObject("parameters").getAsJsonArray("variance").get(0).getAsDouble());
        assertEquals("prior.with.variance=9", doc.getAsJsonObject("provenance").getAsJsonArray("overrides").get(0).getAsString());
    }
}

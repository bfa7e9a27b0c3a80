package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The descriptor contract on the real runtime: the JSON Schema that {@code schema} builds from the
 * live catalogue accepts every experiment and refuses invalid descriptors (checked with a standard
 * validator, networknt's), typed roles refuse a provider of the wrong type before anything runs,
 * and two runs of one descriptor give the same {@code result.json} once times are removed.
 */
class DescriptorContractIT {
    static final Path HOME = WorkbenchRuntimeIT.HOME;
    static final Path EXPERIMENTS = WorkbenchRuntimeIT.EXPERIMENTS;

    @TempDir
    static Path work;
    static Launcher launcher;
    static Schema schema;

    record Outcome(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    @BeforeAll
    static void boot() throws Exception {
        launcher = Launcher.start(HOME, Files.createDirectories(work.resolve("plugins")), false);
        Path file = work.resolve("workbench.schema.json");
        Outcome o = execute("schema", file.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals(file.toString(), o.lastLine());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(file), InputFormat.JSON);
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

    private static List<Error> errors(String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    @Test
    void theSchemaNamesEveryProviderWithItsParametersRangesDefaultsAndTheRolesOfEachTask() throws Exception {
        JsonObject s = JsonParser.parseString(Files.readString(work.resolve("workbench.schema.json"))).getAsJsonObject();
        JsonObject defs = s.getAsJsonObject("$defs");
        JsonObject variance = defs.getAsJsonObject("prior.gaussian").getAsJsonObject("properties")
                .getAsJsonObject("with").getAsJsonObject("properties").getAsJsonObject("variance");
        assertEquals(0, variance.getAsJsonArray("anyOf").get(0).getAsJsonObject().get("exclusiveMinimum").getAsInt());
        assertTrue(variance.has("default") && variance.get("description").getAsString().contains("> 0"),
                variance.toString());
        JsonObject optimizer = defs.getAsJsonObject("task.bayesian-linear-regression.components")
                .getAsJsonObject("properties").getAsJsonObject("optimizer");
        String fitting = optimizer.getAsJsonArray("anyOf").toString();
        assertTrue(fitting.contains("optimizer.coordinate-descent") && fitting.contains("optimizer.proximal-gradient")
                && !fitting.contains("optimizer.sgd"), fitting);
        String network = defs.getAsJsonObject("task.train-classifier.components").getAsJsonObject("properties")
                .getAsJsonObject("network").toString();
        assertTrue(network.contains("layer.dense") && network.contains("\"minItems\":1"), network);
    }

    @TestFactory
    Stream<DynamicTest> everyExperimentIsValidAgainstTheSchema() throws IOException {
        List<Path> descriptors;
        try (Stream<Path> s = Files.list(EXPERIMENTS)) {
            descriptors = s.filter(p -> p.toString().endsWith(".json"))
                    .sorted().toList();
        }
        assertFalse(descriptors.isEmpty());
        return descriptors.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(),
                () -> assertEquals(List.of(), errors(Files.readString(d)), d.toString())));
    }

    static final String VALID = "{\"$schema\":\"workbench.schema.json\",\"format\":1,\"name\":\"ok\","
            + "\"task\":{\"use\":\"bayesian-linear-regression\"},\"components\":{"
            + "\"data\":{\"use\":\"linear-gaussian\",\"with\":{\"n\":20,\"w\":[1,0,2]}},"
            + "\"prior\":{\"use\":\"laplace\",\"with\":{\"scale\":0.5}},"
            + "\"likelihood\":{\"use\":\"gaussian\"},"
            + "\"optimizer\":{\"use\":\"coordinate-descent\"}}}";

    @Test
    void aDescriptorNamingTheSchemaIsValidForTheSchemaAndTheEngine() throws Exception {
        assertEquals(List.of(), errors(VALID));
        Path file = work.resolve("ok.json");
        Files.writeString(file, VALID);
        Outcome o = execute("validate", file.toString());
        assertEquals(0, o.status(), o.err());
    }

    @TestFactory
    Stream<DynamicTest> invalidDescriptorsAreRefusedByTheSchemaAndByValidate() {
        record Case(String name, String json, String enginePath) {
        }
        List<Case> cases = List.of(
                new Case("a gradient optimizer where a MAP solver is needed",
                        VALID.replace("coordinate-descent", "sgd"), "$.components.optimizer.use"),
                new Case("an unknown provider", VALID.replace("\"laplace\"", "\"laplase\""), "$.components.prior.use"),
                new Case("a parameter out of range", VALID.replace("\"scale\":0.5", "\"scale\":-1"),
                        "$.components.prior.with.scale"),
                new Case("an unknown parameter", VALID.replace("\"scale\":0.5", "\"scael\":0.5"),
                        "$.components.prior.with.scael"),
                new Case("a parameter of the wrong type", VALID.replace("\"n\":20", "\"n\":\"twenty\""),
                        "$.components.data.with.n"),
                new Case("a role the task does not have", VALID.replace("\"likelihood\":{", "\"likelihod\":{"),
                        "$.components.likelihod"),
                new Case("an unknown top-level key", VALID.replace("\"format\":1", "\"format\":1,\"sede\":3"), "$.sede"),
                new Case("an unknown task", VALID.replace("bayesian-linear-regression", "bayesian-regression"),
                        "$.task.use"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            assertNotEquals(List.of(), errors(c.json()), "the schema accepts " + c.json());
            Path file = work.resolve("invalid.json");
            Files.writeString(file, c.json());
            Outcome o = execute("validate", file.toString());
            assertEquals(2, o.status(), o.out() + o.err());
            assertTrue(o.err().contains(file + ": " + c.enginePath()), o.err());
        }));
    }

    @Test
    void aProviderOfTheWrongTypeIsExitTwoAtValidateAndAtRunNamingWhatFits() throws Exception {
        Path file = work.resolve("sgd.json");
        Files.writeString(file, VALID.replace("coordinate-descent", "sgd"));
        Path out = work.resolve("sgd-results");
        for (String command : List.of("validate", "run")) {
            Outcome o = command.equals("run") ? execute(command, file.toString(), "--out", out.toString())
                    : execute(command, file.toString());
            assertEquals(2, o.status(), command + ": " + o.err());
            assertTrue(o.err().contains(file + ": $.components.optimizer.use: role 'optimizer' of task "
                    + "'bayesian-linear-regression' needs a map solver (org.workbench.api.linear.MapSolver), but optimizer"
                    + " 'sgd'") && o.err().contains("optimizer providers that fit: coordinate-descent, proximal-gradient"),
                    o.err());
            assertFalse(o.err().contains("Exception"), o.err());
        }
        assertFalse(Files.exists(out));
    }

    /** result.json without the lines that carry the time, the run id or a duration. */
    private static String withoutTimes(Path result) throws IOException {
        return Files.readAllLines(result, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains("\"startedAt\":") && !l.contains("\"durationMs\":"))
                .collect(Collectors.joining("\n"));
    }

    @TestFactory
    Stream<DynamicTest> twoRunsOfOneDescriptorGiveTheSameResultOnceTimesAreRemoved() {
        return Stream.of("p2-2-map-lasso.json", "p1-2e-variance-vs-n.json").map(name -> DynamicTest.dynamicTest(name, () -> {
            Path descriptor = EXPERIMENTS.resolve(name);
            Outcome a = execute("run", descriptor.toString(), "--out", work.resolve("twice").toString(), "--quiet");
            Outcome b = execute("run", descriptor.toString(), "--out", work.resolve("twice").toString(), "--quiet");
            assertEquals(0, a.status(), a.err());
            assertEquals(0, b.status(), b.err());
            Path first = Path.of(a.lastLine());
            Path second = Path.of(b.lastLine());
            assertNotEquals(first, second);
            assertEquals(withoutTimes(first), withoutTimes(second));
            JsonObject doc = JsonParser.parseString(Files.readString(first)).getAsJsonObject();
            for (var input : doc.getAsJsonObject("provenance").getAsJsonArray("inputs")) {
                JsonObject i = input.getAsJsonObject();
                assertTrue(i.has("generated"), i.toString());
                assertEquals("sha256 of float64 LE", i.get("hash").getAsString(), i.toString());
                assertEquals(8L * i.get("rows").getAsLong() * i.get("columns").getAsLong(), i.get("bytes").getAsLong(),
                        i.toString());
                if (i.get("file").isJsonNull()) {
                    assertTrue(i.has("seed"), i.toString());
                    continue;
                }
                Path kept = first.getParent().resolve(i.get("file").getAsString());
                assertEquals(i.get("sha256").getAsString(), valuesSha256(kept), "the hash of the kept CSV's values: " + kept);
                assertEquals(-1L, Files.mismatch(kept, second.getParent().resolve(i.get("file").getAsString())));
            }
        }));
    }

    /** The SHA-256 of a CSV's values (its header skipped) as float64 little-endian, row after row. */
    private static String valuesSha256(Path csv) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        java.nio.ByteBuffer value = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            for (String cell : line.split(",")) {
                value.clear();
                digest.update(value.putDouble(Double.parseDouble(cell)).array());
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void listExplainsAPluginBuiltAgainstAnotherApiVersion() throws Exception {
        Path plugin = Path.of(System.getProperty("workbench.example.plugin"));
        Path jar = PluginJars.withImportRange(plugin, "1.8.0", "org.workbench.api", "[1.99,2)",
                work.resolve("newer-api.jar"));
        java.util.concurrent.CountDownLatch installed = new java.util.concurrent.CountDownLatch(1);
        org.osgi.framework.BundleContext context = launcher.framework().getBundleContext();
        org.osgi.framework.BundleListener listener = event -> {
            if (event.getType() == org.osgi.framework.BundleEvent.INSTALLED
                    && event.getBundle().getVersion().toString().equals("1.8.0")) {
                installed.countDown();
            }
        };
        context.addBundleListener(listener);
        try (CapturedErr log = new CapturedErr()) {
            PluginJars.drop(jar, work.resolve("plugins"), "newer-api.jar");
            assertTrue(installed.await(10, java.util.concurrent.TimeUnit.SECONDS), "the watcher installs the jar");
            Outcome list = execute("list", "--wide");
            assertEquals(0, list.status(), list.err());
            String line = list.out().lines().filter(l -> l.contains("newer-api.jar")).findFirst().orElse(list.out());
            assertTrue(line.contains("org.example.prior-student-t 1.8.0") && line.contains("NOT RESOLVED: needs "
                    + "org.workbench.api [1.99,2), installed " + System.getProperty("workbench.api.version")), line);
            assertTrue(log.text().isEmpty() || log.text().contains("org.workbench.api"), log.text());
        } finally {
            context.removeBundleListener(listener);
        }
    }
}

package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.Runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Provenance: stable key order, hashes of the files a run reads, generated inputs kept as CSV. */
class ProvenanceTest {
    @TempDir
    Path folder;

    /** data 'from-file': reads one number per line through the context and generates a table of n rows from its seed. */
    static final class FromFileProvider implements Provider<DataSource> {
        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.path("path", "numbers, one a line"),
                    Parameter.integer("n", "rows of the generated table").withDefault(3).atLeast(1));
        }

        @Override
        public DataSource create(Parameters p, ComponentContext context) {
            Path file = context.input(p.path("path"));
            int n = p.intValue("n");
            return () -> {
                double[] values = Files.readAllLines(file).stream().mapToDouble(Double::parseDouble).toArray();
                var random = context.random();
                double[] noise = new double[n];
                for (int i = 0; i < n; i++) {
                    noise[i] = random.nextGaussian();
                }
                context.generated("noise", List.of("z"), n, (row, column) -> noise[row]);
                return Dataset.values(values);
            };
        }
    }

    private FakeProviders registry() {
        return new FakeProviders().add(Kinds.DATA, "from-file", "1.0.0", new FromFileProvider());
    }

    private Path descriptor(String with, String extra) throws Exception {
        Files.writeString(folder.resolve("numbers.txt"), "1.5\n2.5\n");
        return TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"prov\",\"seed\":7,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"from-file\",\"with\":{\"path\":"
                + "\"numbers.txt\"" + with + "}}}" + extra + "}");
    }

    private Path run(Path descriptor, Path out, int threads) throws Exception {
        Plan plan = new Planner(new ProviderResolver(registry())).plan(new DescriptorParser().parse(descriptor, List.of()));
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("java", "test");
        environment.put("os", "test os");
        environment.put("framework", "none");
        return new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), threads, registry())
                .run(plan, out, environment);
    }

    /** result.json without the lines that carry the time, the run id or a duration. */
    private static String withoutTimes(Path result) throws Exception {
        return Files.readAllLines(result, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains("\"startedAt\":") && !l.contains("\"durationMs\":"))
                .collect(Collectors.joining("\n"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void twoRunsOfOneDescriptorGiveTheSameResultJsonOnceTimesAreRemoved() throws Exception {
        Path d = descriptor("", ",\"sweep\":{\"data.n\":[2,3,4,5],\"task.factor\":[1,2]}");
        Path a = run(d, folder.resolve("a"), 3);
        Path b = run(d, folder.resolve("b"), 2);
        assertFalse(a.getParent().getFileName().equals(b.getParent().getFileName()), "two run ids");
        String first = withoutTimes(a);
        assertEquals(first, withoutTimes(b));
        assertTrue(first.contains("\"inputs\""), first);
        assertFalse(first.contains("startedAt") || first.contains("durationMs"));
    }

    @Test
    void provenanceKeysComeInADocumentedOrder() throws Exception {
        JsonObject doc = JsonParser.parseString(Files.readString(run(descriptor("", ""), folder.resolve("o"), 1)))
                .getAsJsonObject();
        assertEquals(List.of("name", "title", "task", "status", "seed", "results", "artifacts", "provenance"),
                new ArrayList<>(doc.keySet()));
        assertEquals(List.of("task", "components", "seeds", "descriptor", "descriptorSha256", "overrides",
                "effectiveDescriptor", "java", "os", "framework", "startedAt", "durationMs", "swaps", "inputs",
                "executor"),
                new ArrayList<>(doc.getAsJsonObject("provenance").keySet()));
        assertEquals(List.of("task", "data"), new ArrayList<>(doc.getAsJsonObject("provenance")
                .getAsJsonObject("seeds").keySet()));
    }

    @Test
    void aTaskThatDeclaresALayoutHasItWrittenBetweenArtifactsAndProvenance() throws Exception {
        org.workbench.api.result.ResultLayout layout = org.workbench.api.result.ResultLayout.NONE.with(
                new org.workbench.api.result.Table("summary", "Sum", "", List.of(
                        org.workbench.api.result.Series.of("sum", "sum of the values").unit("m"))));
        FakeProviders providers = registry().add(Kinds.TASK, "shown", "1.0.0", new FakeProviders.SumTaskProvider() {
            @Override
            public org.workbench.api.result.ResultLayout layout() {
                return layout;
            }
        });
        Path d = TestFiles.descriptor(folder, "s.json", Files.readString(descriptor("", "")).replace("\"use\":\"sum\"",
                "\"use\":\"shown\""));
        Plan plan = new Planner(new ProviderResolver(providers)).plan(new DescriptorParser().parse(d, List.of()));
        Path result = new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), 1, providers)
                .run(plan, folder.resolve("shown"), Map.of("java", "test"));
        JsonObject doc = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertEquals(List.of("name", "title", "task", "status", "seed", "results", "artifacts", "layout", "provenance"),
                new ArrayList<>(doc.keySet()));
        assertEquals("{\"charts\":[],\"tables\":[{\"id\":\"summary\",\"title\":\"Sum\",\"list\":\"\",\"columns\":["
                + "{\"key\":\"sum\",\"label\":\"sum of the values\",\"unit\":\"m\",\"digits\":4}]}],\"draws\":[]}",
                doc.get("layout").toString());
    }

    @Test
    void filesReadAreHashedAndGeneratedTablesKeptAsCsv() throws Exception {
        Path result = run(descriptor("", ""), folder.resolve("o"), 1);
        JsonObject doc = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        JsonArray inputs = doc.getAsJsonObject("provenance").getAsJsonArray("inputs");
        assertEquals(2, inputs.size(), inputs.toString());
        JsonObject read = inputs.get(0).getAsJsonObject();
        assertEquals("data", read.get("role").getAsString());
        assertEquals(folder.resolve("numbers.txt").toAbsolutePath().normalize().toString(), read.get("path").getAsString());
        assertEquals(sha256("1.5\n2.5\n".getBytes(StandardCharsets.UTF_8)), read.get("sha256").getAsString());
        assertEquals(8, read.get("bytes").getAsLong());

        JsonObject generated = inputs.get(1).getAsJsonObject();
        assertEquals("noise", generated.get("generated").getAsString());
        assertEquals(3, generated.get("rows").getAsInt());
        long seed = generated.get("seed").getAsLong();
        assertEquals(doc.getAsJsonObject("provenance").getAsJsonObject("seeds").get("data").getAsLong(), seed);
        Path csv = result.getParent().resolve(generated.get("file").getAsString());
        byte[] bytes = Files.readAllBytes(csv);
        var random = new java.util.SplittableRandom(seed);
        double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        String expected = "z\n" + z[0] + "\n" + z[1] + "\n" + z[2] + "\n";
        assertEquals(expected, new String(bytes, StandardCharsets.US_ASCII), "the table regenerates from its seed");
        java.nio.ByteBuffer le = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double v : z) {
            le.putDouble(v);
        }
        assertEquals(sha256(le.array()), generated.get("sha256").getAsString(), "the hash of the values as float64 LE");
        assertEquals("sha256 of float64 LE", generated.get("hash").getAsString());
        assertEquals(24, generated.get("bytes").getAsLong());
        assertTrue(doc.getAsJsonArray("artifacts").toString().contains("inputs/data-noise.csv"));
    }

    @Test
    void aGeneratedTablePastOneMegabyteKeepsOnlyItsHashAndSeed() throws Exception {
        Path result = run(descriptor(",\"n\":100000", ""), folder.resolve("o"), 1);
        JsonObject doc = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        JsonObject generated = doc.getAsJsonObject("provenance").getAsJsonArray("inputs").get(1).getAsJsonObject();
        assertEquals(8 * 100000, generated.get("bytes").getAsLong(), generated.toString());
        assertTrue(generated.get("file").isJsonNull(), generated.toString());
        assertEquals(64, generated.get("sha256").getAsString().length());
        assertTrue(generated.get("note").getAsString().contains("seed"));
        assertFalse(Files.exists(result.getParent().resolve("inputs")));
    }
}

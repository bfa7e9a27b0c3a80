package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

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
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.XChartRenderer;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ProgressFactory;
import org.workbench.engine.run.Runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Component sweeps: {@code data.use}, {@code data.version} and whole component objects choose
 * each point's provider; each point's parameters are validated against its own provider, and each
 * point records the provider and version it ran.
 */
class ComponentSweepTest {
    private static final String VALUES = "{\"use\":\"values\",\"version\":\"[1,1.1)\",\"with\":{\"values\":[1,2]}}";

    @TempDir
    Path folder;

    private static FakeProviders providers() {
        return new FakeProviders().add(Kinds.DATA, "constant", "1.0.0", new ConstantProvider())
                .add(Kinds.DATA, "scaled", "1.0.0", new FakeProviders.ValuesProvider(10.0));
    }

    private Plan plan(String data, String sweep, String... overrides) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"cs\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{" + (data == null ? "" : "\"data\":" + data) + "}"
                + (sweep == null ? "" : ",\"sweep\":" + sweep) + "}");
        return new Planner(new ProviderResolver(providers())).plan(new DescriptorParser().parse(file, List.of(overrides)));
    }

    private JsonObject run(Plan plan, String out) throws Exception {
        Path result = new Runner(new XChartRenderer(), ProgressFactory.SILENT, Clock.systemUTC(), 1, providers())
                .run(plan, folder.resolve(out), Map.of("java", "test"));
        return JsonParser.parseString(Files.readString(result)).getAsJsonObject();
    }

    private static String provider(Plan plan, int point) {
        return plan.points().get(point).components().get("data").entry().name() + " "
                + plan.points().get(point).components().get("data").entry().version();
    }

    @Test
    void aSweepOverUseGivesEachPointItsProviderAndKeepsTheParameters() throws Exception {
        Plan p = plan(VALUES, null, "--sweep data.use=values,scaled");
        assertEquals("values 2.0.0", provider(p, 0), "use alone drops the other provider's version range");
        assertEquals("scaled 1.0.0", provider(p, 1));
        JsonObject doc = run(p, "use");
        JsonArray points = doc.getAsJsonArray("points");
        assertEquals("values", points.get(0).getAsJsonObject().getAsJsonObject("set").get("data.use").getAsString());
        assertEquals("scaled", points.get(1).getAsJsonObject().getAsJsonObject("set").get("data.use").getAsString());
        assertEquals(300.0, points.get(0).getAsJsonObject().getAsJsonObject("results").get("sum").getAsDouble());
        assertEquals(30.0, points.get(1).getAsJsonObject().getAsJsonObject("results").get("sum").getAsDouble());
        JsonObject ran = points.get(1).getAsJsonObject().getAsJsonObject("components").getAsJsonObject("data");
        assertEquals("scaled", ran.get("name").getAsString());
        assertEquals("1.0.0", ran.get("version").getAsString());
    }

    @Test
    void aSetWithACommaListOverUseIsTheSameSweepAndKeepsTheRolesValues() throws Exception {
        Plan set = plan(VALUES, null, "data.use=values,scaled");
        Plan sweep = plan(VALUES, "{\"data.use\":[\"values\",\"scaled\"]}");
        assertEquals(sweep.descriptor().effective(), set.descriptor().effective());
        assertEquals(2, set.points().size());
        assertEquals(List.of(1.0, 2.0), java.util.Arrays.stream(set.points().get(1).parametersOf("data").vector("values"))
                .boxed().toList());
    }

    @Test
    void wholeComponentsFromTheCommandLine() throws Exception {
        Plan p = plan(VALUES, null, "--sweep data={\"use\":\"values\",\"with\":{\"values\":[1]}},"
                + "{\"use\":\"constant\",\"with\":{\"value\":2}}");
        assertEquals("values 2.0.0", provider(p, 0));
        assertEquals("constant 1.0.0", provider(p, 1));
        assertEquals("$.sweep['data'][1]", p.points().get(1).components().get("data").spec().jsonPath());
    }

    @Test
    void aParameterTheOtherProviderLacksIsAnErrorNamingThePointTheProviderAndItsParameters() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> plan(VALUES, "{\"data.use\":[\"values\",\"constant\"]}"));
        assertEquals("$.components.data.with.values", e.jsonPath());
        assertTrue(e.getMessage().contains("unknown parameter 'values' for data 'constant' 1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("valid parameters: value"), e.getMessage());
        assertTrue(e.getMessage().contains("at sweep point {data.use=\"constant\"}"), e.getMessage());
        assertTrue(e.getMessage().contains("sweep whole components"), e.getMessage());
    }

    @Test
    void wholeComponentObjectsGiveEachProviderItsOwnParametersAndEqualSingleRuns() throws Exception {
        String constant = "{\"use\":\"constant\",\"with\":{\"value\":7}}";
        Plan p = plan(null, "{\"data\":[" + VALUES + "," + constant + "],\"seed\":[11]}");
        assertEquals("values 1.0.0", provider(p, 0));
        assertEquals("constant 1.0.0", provider(p, 1));
        JsonArray points = run(p, "whole").getAsJsonArray("points");
        JsonObject single0 = run(plan(VALUES, null, "seed=11"), "single0").getAsJsonObject("results");
        JsonObject single1 = run(plan(constant, null, "seed=11"), "single1").getAsJsonObject("results");
        assertEquals(single0, points.get(0).getAsJsonObject().getAsJsonObject("results"));
        assertEquals(single1, points.get(1).getAsJsonObject().getAsJsonObject("results"));
        assertEquals(3.0, single0.get("sum").getAsDouble());
        assertEquals(14.0, single1.get("sum").getAsDouble());
    }

    @Test
    void validateCreatesTheComponentsOfEveryProviderTheSweepChooses() throws Exception {
        Plan p = plan(null, "{\"data\":[" + VALUES + ",{\"use\":\"constant\",\"with\":{\"value\":-1}}]}");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> org.workbench.engine.run.CreationCheck.createOnce(p));
        assertEquals("$.sweep['data'][1].with.value", e.jsonPath());
        assertTrue(e.getMessage().contains("data 'constant' 1.0.0: must be >= 0"), e.getMessage());
    }

    @Test
    void aSweepOverVersionResolvesEachRange() throws Exception {
        Plan p = plan(VALUES, "{\"data.version\":[\"[1,1.1)\",\"[2,3)\"]}");
        assertEquals("values 1.0.0", provider(p, 0));
        assertEquals("values 2.0.0", provider(p, 1));
        assertEquals("values", p.components().get("data").get(0).entry().name());
        assertEquals(2, p.everyComponent().size());
    }

    @Test
    void aUseSweepCombinesWithAParameterSweepOfTheSameRole() throws Exception {
        Plan p = plan(VALUES, "{\"data.use\":[\"values\",\"scaled\"],\"data.n\":[1,2]}");
        assertEquals(4, p.points().size());
        assertEquals("scaled 1.0.0", provider(p, 3));
        assertEquals(2, p.points().get(3).parametersOf("data").integer("n"));
    }

    @Test
    void badComponentSweepValuesAreNamed() {
        InvalidInputException notName = assertThrows(InvalidInputException.class,
                () -> plan(VALUES, "{\"data.use\":[\"values\",3]}"));
        assertEquals("$.sweep['data.use'][1]", notName.jsonPath());
        assertTrue(notName.getMessage().contains("a provider name such as \"laplace\", got 3"), notName.getMessage());
        InvalidInputException notObject = assertThrows(InvalidInputException.class,
                () -> plan(VALUES, "{\"data\":[\"values\"]}"));
        assertTrue(notObject.getMessage().contains("each of its values is a component object"), notObject.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> plan(VALUES, "{\"data.use\":[\"values\",\"vaules\"]}"));
        assertTrue(unknown.getMessage().contains("did you mean 'values'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("at sweep point {data.use=\"vaules\"})"), "no hint on parameters: "
                + unknown.getMessage());
        InvalidInputException noRole = assertThrows(InvalidInputException.class,
                () -> plan(VALUES, "{\"prior.use\":[\"a\",\"b\"]}"));
        assertTrue(noRole.getMessage().contains("has no role 'prior'"), noRole.getMessage());
    }

    /** data 'constant': {@code values} copies of one value (a provider with other parameters than 'values'). */
    static final class ConstantProvider implements Provider<DataSource> {
        @Override
        public Class<DataSource> type() {
            return DataSource.class;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.number("value", "the value"), Parameter.integer("count", "how many").withDefault(2));
        }

        @Override
        public DataSource create(Parameters p, ComponentContext context) {
            if (p.number("value") < 0) {
                throw new org.workbench.api.InvalidParameterException("value", "must be >= 0 for this provider, got "
                        + p.number("value"));
            }
            double[] out = new double[(int) p.integer("count")];
            java.util.Arrays.fill(out, p.number("value"));
            return () -> Dataset.values(out);
        }
    }
}

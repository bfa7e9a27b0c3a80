package org.workbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Role;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.run.Plan;
import org.workbench.engine.run.Planner;
import org.workbench.engine.run.ResolvedComponent;

class PlannerTest {
    @TempDir
    Path folder;

    private Plan plan(String components, String extra) throws Exception {
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"x\",\"seed\":5,"
                + "\"task\":{\"use\":\"sum\"},\"components\":{" + components + "}" + extra + "}");
        return new Planner(new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(file, List.of()));
    }

    private InvalidInputException fault(String components, String extra) {
        return assertThrows(InvalidInputException.class, () -> plan(components, extra));
    }

    @Test
    void highestVersionWinsWithoutARange() throws Exception {
        Plan p = plan("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}", "");
        assertEquals("2.0.0", p.components().get("data").get(0).entry().version().toString());
    }

    @Test
    void aRangeSelectsAmongVersionsSideBySide() throws Exception {
        Plan p = plan("\"data\":{\"use\":\"values\",\"version\":\"[1.1,2)\",\"with\":{\"values\":[1]}}", "");
        assertEquals("1.2.0", p.components().get("data").get(0).entry().version().toString());
        InvalidInputException e = fault("\"data\":{\"use\":\"values\",\"version\":\"[3,4)\",\"with\":{\"values\":[1]}}", "");
        assertEquals("$.components.data.version", e.jsonPath());
        assertTrue(e.getMessage().contains("1.0.0, 1.2.0, 2.0.0"), e.getMessage());
    }

    @Test
    void aVersionThatFailsToActivateIsPassedOverAndNamedWhenNothingElseFits() throws Exception {
        FakeProviders registry = new FakeProviders().addBroken(Kinds.DATA, "values", "3.0.0");
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"sum\"},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}}}");
        Plan p = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file, List.of()));
        assertEquals("2.0.0", p.components().get("data").get(0).entry().version().toString());
        Path pinned = TestFiles.descriptor(folder, "e.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"sum\"},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"version\":\"[3,4)\",\"with\":{\"values\":[1]}}}}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Planner(
                new ProviderResolver(registry)).plan(new DescriptorParser().parse(pinned, List.of())));
        assertTrue(e.getMessage().contains("data 'values' 3.0.0 is registered but failed to activate"), e.getMessage());
    }

    @Test
    void unknownProviderSuggestsAName() {
        InvalidInputException e = fault("\"data\":{\"use\":\"valeus\",\"with\":{\"values\":[1]}}", "");
        assertEquals("$.components.data.use", e.jsonPath());
        assertTrue(e.getMessage().contains("did you mean 'values'"), e.getMessage());
    }

    @Test
    void unknownParameterSuggestsAName() {
        InvalidInputException e = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1],\"nosie\":1}}", "");
        assertEquals("$.components.data.with.nosie", e.jsonPath());
        assertTrue(e.getMessage().contains("did you mean 'noise'"), e.getMessage());
    }

    @Test
    void wrongTypeAndRangeAreNamed() {
        InvalidInputException type = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":\"1,2\"}}", "");
        assertTrue(type.getMessage().contains("must be an array of numbers, got the string \"1,2\""), type.getMessage());
        InvalidInputException range = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1],\"noise\":-1}}", "");
        assertEquals("$.components.data.with.noise", range.jsonPath());
        assertTrue(range.getMessage().contains("must be >= 0, got -1"), range.getMessage());
    }

    @Test
    void twoBundlesOfferingTheSameNameAndVersionIsAnErrorNamingBoth() throws Exception {
        org.workbench.engine.catalog.ProviderSource twins = new org.workbench.engine.catalog.ProviderSource() {
            @Override
            public List<org.workbench.engine.catalog.ProviderEntry> entries() {
                List<org.workbench.engine.catalog.ProviderEntry> all = new java.util.ArrayList<>(new FakeProviders().entries());
                all.add(org.workbench.engine.catalog.ProviderEntry.of(Kinds.DATA, "values", "", 
                        org.osgi.framework.Version.parseVersion("2.0.0"), "plugin.values", 7,
                        new FakeProviders.ValuesProvider(3)));
                return all;
            }
        };
        Path file = TestFiles.descriptor(folder, "t.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"sum\"},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}}}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Planner(
                new ProviderResolver(twins)).plan(new DescriptorParser().parse(file, List.of())));
        assertTrue(e.getMessage().startsWith("data 'values' 2.0.0 is offered by two bundles, test.values and "
                + "plugin.values"), e.getMessage());
    }

    @Test
    void aPluginOutrankingAnotherBundleByVersionAloneIsNoted() throws Exception {
        org.workbench.engine.catalog.ProviderSource shadowed = () -> {
            List<org.workbench.engine.catalog.ProviderEntry> all = new java.util.ArrayList<>(new FakeProviders().entries());
            all.add(org.workbench.engine.catalog.ProviderEntry.of(Kinds.DATA, "values", "",
                    org.osgi.framework.Version.parseVersion("3.0.0"), "plugin.values", 7, new FakeProviders.ValuesProvider(3)));
            return all;
        };
        String data = "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"sum\"},\"components\":{\"data\":{\"use\":\"values\""
                + "VERSION,\"with\":{\"values\":[1]}}}}";
        Path loose = TestFiles.descriptor(folder, "loose.json", data.replace("VERSION", ""));
        Plan plan = new Planner(new ProviderResolver(shadowed)).plan(new DescriptorParser().parse(loose, List.of()));
        List<String> notes = org.workbench.engine.run.Shadowing.notes(plan, shadowed);
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("data: data 'values' 3.0.0 (bundle plugin.values) outranks data 'values' "
                + "1.0.0 (bundle test.values) by version alone"), notes.toString());
        Path pinned = TestFiles.descriptor(folder, "pinned.json", data.replace("VERSION", ",\"version\":\"[3,4)\""));
        Plan pinnedPlan = new Planner(new ProviderResolver(shadowed)).plan(new DescriptorParser().parse(pinned, List.of()));
        assertTrue(org.workbench.engine.run.Shadowing.notes(pinnedPlan, shadowed).isEmpty());
    }

    @Test
    void aProviderWhoseParametersThrowIsNamedWithItsBundle() throws Exception {
        FakeProviders registry = new FakeProviders().add(Kinds.DATA, "broken", "1.0.0",
                new FakeProviders.ValuesProvider(1) {
                    @Override
                    public List<Parameter> parameters() {
                        throw new IllegalStateException("boom");
                    }
                });
        Path file = TestFiles.descriptor(folder, "b.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"sum\"},"
                + "\"components\":{\"data\":{\"use\":\"broken\"}}}");
        org.workbench.engine.input.PluginFault e = assertThrows(org.workbench.engine.input.PluginFault.class,
                () -> new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file, List.of())));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith("data 'broken' 1.0.0 (bundle test.broken) could not declare its "
                + "parameters: boom; the plugin is broken"), e.getMessage());
    }

    @Test
    void absurdNumbersAreRefusedWithTheComponentAndTheValidRange() {
        for (String v : List.of("1e999", "-1e999", "1e-320", "1.7e308", "1e101")) {
            InvalidInputException e = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1],\"noise\":" + v + "}}", "");
            assertEquals("$.components.data.with.noise", e.jsonPath(), v);
            assertTrue(e.getMessage().contains("parameter 'noise' must be >= 0 and finite, 0 or of magnitude between "
                    + "1e-100 and 1e100"), e.getMessage());
        }
        InvalidInputException element = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1, 1e999]}}", "");
        assertEquals("$.components.data.with.values[1]", element.jsonPath());
        assertTrue(element.getMessage().contains("read as infinity"), element.getMessage());
    }

    @Test
    void missingAndUnknownRolesAreNamed() {
        InvalidInputException missing = fault("", "");
        assertTrue(missing.getMessage().contains("needs a data in role 'data'"), missing.getMessage());
        InvalidInputException unknown = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}},"
                + "\"dat\":{\"use\":\"values\"}", "");
        assertEquals("$.components.dat", unknown.jsonPath());
    }

    @Test
    void sweepIsTheCartesianProductWithDerivedSeeds() throws Exception {
        Plan p = plan("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}",
                ",\"sweep\":{\"data.n\":[1,2,3],\"task.factor\":[1,-1]}");
        assertEquals(6, p.points().size());
        assertEquals(2L, p.points().get(2).parametersOf("data").integer("n"));
        assertEquals(1.0, p.points().get(2).taskParameters().number("factor"));
        assertEquals(-1.0, p.points().get(3).taskParameters().number("factor"));
        assertEquals(6, p.points().stream().mapToLong(x -> x.seed()).distinct().count());
        assertNotEquals(5L, p.points().get(0).seed());
    }

    @Test
    void pointsShareTheParametersOfARoleWhoseSweepValuesAreTheSame() throws Exception {
        Plan p = plan("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}",
                ",\"sweep\":{\"data.n\":[1,2,1],\"task.factor\":[1,-1]}");
        // points 0 and 1 differ only in the task's factor: one data binding; 0 and 4 have n = 1 both
        assertSame(p.points().get(0).parametersOf("data"), p.points().get(1).parametersOf("data"));
        assertSame(p.points().get(0).parametersOf("data"), p.points().get(4).parametersOf("data"));
        assertNotSame(p.points().get(0).parametersOf("data"), p.points().get(2).parametersOf("data"));
        assertEquals(2L, p.points().get(2).parametersOf("data").integer("n"));
        assertSame(p.points().get(0).taskParameters(), p.points().get(2).taskParameters());
        assertNotSame(p.points().get(0).taskParameters(), p.points().get(1).taskParameters());
        assertEquals(-1.0, p.points().get(5).taskParameters().number("factor"));
        // and the points whose components' parameters are all the same share one map of them
        assertSame(p.points().get(0).parameters(), p.points().get(1).parameters());
        assertSame(p.points().get(0).parameters(), p.points().get(5).parameters());
        assertNotSame(p.points().get(0).parameters(), p.points().get(2).parameters());
    }

    @Test
    void sweepValuesAreValidatedBeforeAnythingRuns() {
        InvalidInputException e = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}",
                ",\"sweep\":{\"data.n\":[1,0]}");
        assertTrue(e.getMessage().contains("at sweep point {data.n=0}"), e.getMessage());
        InvalidInputException unknown = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}",
                ",\"sweep\":{\"data.m\":[1]}");
        assertTrue(unknown.getMessage().contains("has no parameter 'm'"), unknown.getMessage());
    }

    @Test
    void anOptionalRoleWithADefaultIsFilledWhenLeftOut() throws Exception {
        FakeProviders registry = new FakeProviders();
        registry.add(Kinds.TASK, "with-default", "1.0.0", new FakeProviders.SumTaskProvider() {
            @Override
            public List<Role<?>> roles() {
                return List.of(Role.one("data", Kinds.DATA, DataSource.class), Role.optional("reference", Kinds.DATA, DataSource.class, "constant"));
            }
        });
        registry.add(Kinds.DATA, "constant", "1.0.0", new FakeProviders.ValuesProvider(1.0) {
            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        });
        registry.add(Kinds.DATA, "constant", "1.5.0", new FakeProviders.ValuesProvider(1.0) {
            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        });
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"with-default\"},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}}}");
        Plan p = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file, List.of()));
        assertEquals("constant", p.components().get("reference").get(0).entry().name());
        assertEquals("1.5.0", p.components().get("reference").get(0).entry().version().toString());
    }

    @Test
    void aRoleWithPreferredDefaultsTakesTheFirstAvailableAndSaysWhy() throws Exception {
        FakeProviders registry = new FakeProviders();
        registry.add(Kinds.TASK, "preferring", "1.0.0", new FakeProviders.SumTaskProvider() {
            @Override
            public List<Role<?>> roles() {
                return List.of(Role.one("data", Kinds.DATA, DataSource.class),
                        Role.optionalPreferring("reference", Kinds.DATA, DataSource.class, "fast", "portable"));
            }
        });
        registry.add(Kinds.DATA, "portable", "1.0.0", new FakeProviders.ValuesProvider(1.0) {
            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        });
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"preferring\"},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}}}");
        ResolvedComponent portable = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file,
                List.of())).components().get("reference").get(0);
        assertEquals("portable", portable.entry().name());
        assertTrue(portable.choice().contains("the first available of fast, portable"), portable.choice());
        assertTrue(portable.choice().contains("fast is not available (no data named 'fast'"), portable.choice());

        registry.addBroken(Kinds.DATA, "fast", "1.0.0");
        ResolvedComponent broken = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file,
                List.of())).components().get("reference").get(0);
        assertEquals("portable", broken.entry().name(), "a default that fails to activate is passed over");

        registry.add(Kinds.DATA, "fast", "2.0.0", new FakeProviders.ValuesProvider(2.0) {
            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        });
        ResolvedComponent fast = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file,
                List.of())).components().get("reference").get(0);
        assertEquals("fast", fast.entry().name());
        assertEquals("the first available of fast, portable (the descriptor names none)", fast.choice());

        Path named = TestFiles.descriptor(folder, "e.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"preferring\"},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}},\"reference\":{\"use\":\"portable\"}}}");
        ResolvedComponent chosen = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(named,
                List.of())).components().get("reference").get(0);
        assertEquals("portable", chosen.entry().name());
        assertEquals(null, chosen.choice(), "a component the descriptor names carries no default choice");
    }

    @Test
    void plotsMustUseASweepKey() {
        InvalidInputException e = fault("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}",
                ",\"sweep\":{\"data.n\":[1]},\"plots\":[{\"name\":\"p\",\"x\":\"data.nn\",\"y\":[\"sum\"]}]");
        assertEquals("$.plots[0].x", e.jsonPath());
        assertTrue(e.getMessage().contains("did you mean 'data.n'"), e.getMessage());
    }

    /** The 'sum' task declaring the keys it writes, which turns on the check of plot keys. */
    private Plan planDeclared(String plots) throws Exception {
        FakeProviders registry = new FakeProviders();
        registry.add(Kinds.TASK, "declared", "1.0.0", new FakeProviders.SumTaskProvider() {
            @Override
            public List<String> resultKeys() {
                return List.of("sum", "taskDraw", "ratio", "steps[].step", "steps[].value", "extra.*");
            }
        });
        Path file = TestFiles.descriptor(folder, "d.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"declared\"},"
                + "\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}},"
                + "\"sweep\":{\"task.factor\":[1,2]},\"plots\":[" + plots + "]}");
        return new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(file, List.of()));
    }

    @Test
    void plotKeysTheTaskDeclaresPass() throws Exception {
        Plan p = planDeclared("{\"name\":\"a\",\"x\":\"task.factor\",\"y\":[\"sum\",\"ratio\",\"extra.any.depth\"]},"
                + "{\"name\":\"b\",\"x\":\"results.sum\",\"y\":[\"taskDraw\"]},"
                + "{\"name\":\"c\",\"x\":\"steps.step\",\"y\":[\"steps.value\",\"value\"]}");
        assertEquals(2, p.points().size());
    }

    @Test
    void aMisspeltPlotKeyIsRefusedAtItsPathWithTheKeysThatExist() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> planDeclared(
                "{\"name\":\"a\",\"x\":\"task.factor\",\"y\":[\"sum\",\"summ\"]}"));
        assertEquals("$.plots[0].y[1]", e.jsonPath());
        assertTrue(e.getMessage().contains("plot key 'summ' names no result"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'sum'"), e.getMessage());
        assertTrue(e.getMessage().contains("sum, taskDraw, ratio, steps[].step, steps[].value, extra.*"), e.getMessage());
        InvalidInputException curve = assertThrows(InvalidInputException.class, () -> planDeclared(
                "{\"name\":\"c\",\"x\":\"steps.step\",\"y\":[\"steps.valeu\"]}"));
        assertEquals("$.plots[0].y[0]", curve.jsonPath());
        assertTrue(curve.getMessage().contains("did you mean 'steps[].value'"), curve.getMessage());
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> planDeclared(
                "{\"name\":\"b\",\"x\":\"results.sun\",\"y\":[\"sum\"]}"));
        assertEquals("$.plots[0].x", x.jsonPath());
        assertThrows(InvalidInputException.class, () -> planDeclared(
                "{\"name\":\"a\",\"x\":\"task.factor\",\"y\":[\"extra\"]}"), "* stands for a key below, not the node");
    }

    @Test
    void aTaskThatDeclaresNoKeysIsNotChecked() throws Exception {
        Plan p = plan("\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}",
                ",\"sweep\":{\"task.factor\":[1]},\"plots\":[{\"name\":\"p\",\"x\":\"task.factor\",\"y\":[\"summ\"]}]");
        assertEquals(1, p.points().size());
    }

    /** A data source of a narrower type than plain {@link DataSource}, for the typed-role tests. */
    interface Labelled extends DataSource {
    }

    @Test
    void aProviderOfTheWrongTypeIsRefusedNamingTheTypeAndTheProvidersThatFit() throws Exception {
        FakeProviders registry = new FakeProviders();
        registry.add(Kinds.TASK, "labelled", "1.0.0", new FakeProviders.SumTaskProvider() {
            @Override
            public List<Role<?>> roles() {
                return List.of(Role.one("data", Kinds.DATA, Labelled.class));
            }
        });
        registry.add(Kinds.DATA, "labels", "1.0.0", new org.workbench.api.Provider<Labelled>() {
            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Labelled create(org.workbench.api.Parameters p, org.workbench.api.ComponentContext c) {
                return () -> org.workbench.api.Dataset.values(new double[] {1});
            }
        });
        Path wrong = TestFiles.descriptor(folder, "wrong.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":"
                + "\"labelled\"},\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1]}}}}");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(wrong, List.of())));
        assertEquals("$.components.data.use", e.jsonPath());
        assertEquals(wrong, e.file());
        assertTrue(e.getMessage().contains("role 'data' of task 'labelled' needs a labelled (" + Labelled.class.getName()
                + "), but data 'values' 2.0.0 creates a data source (org.workbench.api.DataSource)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("data providers that fit: labels"), e.getMessage());

        Path misspelt = TestFiles.descriptor(folder, "misspelt.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":"
                + "\"labelled\"},\"components\":{\"data\":{\"use\":\"value\"}}}");
        InvalidInputException m = assertThrows(InvalidInputException.class,
                () -> new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(misspelt, List.of())));
        assertTrue(!m.getMessage().contains("did you mean 'values'") && m.getMessage().endsWith("providers that fit: labels"),
                m.getMessage());

        Path right = TestFiles.descriptor(folder, "right.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":"
                + "\"labelled\"},\"components\":{\"data\":{\"use\":\"labels\"}}}");
        Plan p = new Planner(new ProviderResolver(registry)).plan(new DescriptorParser().parse(right, List.of()));
        assertEquals("labels", p.components().get("data").get(0).entry().name());
    }

    @Test
    void aDescriptorsFaultsAreReportedTogether() throws Exception {
        Path file = TestFiles.descriptor(folder, "many.json", "{\"format\":1,\"name\":\"x\",\"seed\":-1,"
                + "\"hotswap\":true,\"task\":{\"use\":\"sum\"},\"components\":{}}");
        InvalidInputException structure = assertThrows(InvalidInputException.class,
                () -> new DescriptorParser().parse(file, List.of()));
        assertEquals(2, structure.faults().size(), structure.report());
        assertTrue(structure.report().contains("$.hotswap: unknown key 'hotswap' in a descriptor (did you mean 'hotSwap'?)"),
                structure.report());
        assertTrue(structure.report().contains("\nerror: " + file + ": $.seed: "), structure.report());

        Path both = TestFiles.descriptor(folder, "both.json", "{\"format\":1,\"name\":\"x\",\"task\":{\"use\":\"sum\","
                + "\"with\":{\"factr\":2}},\"components\":{\"data\":{\"use\":\"values\",\"with\":{\"values\":[1],\"n\":0}}}}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Planner(
                new ProviderResolver(new FakeProviders())).plan(new DescriptorParser().parse(both, List.of())));
        assertEquals(List.of("$.task.with.factr", "$.components.data.with.n"),
                e.faults().stream().map(InvalidInputException::jsonPath).toList(), e.report());
    }
}

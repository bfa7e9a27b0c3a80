package org.workbench.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Parameters declared once, on a settings record, and read back into it. */
class SettingTest {
    record Settings(
            @Setting(value = "number of steps", defaultValue = "100_000", atLeast = 1) long steps,
            @Setting(value = "step size", defaultValue = "1e-6", greaterThan = 0, lessThan = 1) double rate,
            @Setting(value = "centre", defaultValue = "0") PerCoordinate location,
            @Setting(value = "draw plots", defaultValue = "true") boolean plots,
            @Setting(value = "where", defaultValue = "/tmp/x") Path path,
            @Setting(value = "input kind", defaultValue = "logits", oneOf = {"probability", "logits"}) String input,
            @Setting(value = "grid", optional = true, greaterThan = 0) double[] grid,
            @Setting(value = "rows", type = Parameter.Type.VECTOR_OR_MATRIX) double[][] x,
            @Setting(value = "limit", optional = true, atLeast = 1) Integer limit) {
    }

    /** The same declarations as Settings, written with the factories. */
    static final List<Parameter> BY_HAND = List.of(
            Parameter.integer("steps", "number of steps").withDefault(100_000).atLeast(1),
            Parameter.number("rate", "step size").withDefault(1e-6).greaterThan(0).lessThan(1),
            Parameter.numberOrVector("location", "centre").withDefault(0.0),
            Parameter.bool("plots", "draw plots").withDefault(true),
            Parameter.path("path", "where").withDefault(Path.of("/tmp/x")),
            Parameter.string("input", "input kind").withDefault("logits").oneOf("probability", "logits"),
            Parameter.vector("grid", "grid").optional().greaterThan(0),
            Parameter.vectorOrMatrix("x", "rows"),
            Parameter.integer("limit", "limit").optional().atLeast(1));

    @Test
    void aRecordDeclaresTheSameParametersAsTheFactories() {
        List<Parameter> derived = Parameter.declaredBy(Settings.class);
        assertEquals(BY_HAND.size(), derived.size());
        for (int i = 0; i < derived.size(); i++) {
            Parameter a = BY_HAND.get(i);
            Parameter b = derived.get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.type(), b.type(), a.name());
            assertEquals(a.description(), b.description());
            assertEquals(a.required(), b.required(), a.name());
            assertEquals(a.rangeText(), b.rangeText(), a.name());
            assertEquals(a.minExclusive(), b.minExclusive(), a.name());
            assertEquals(a.maxExclusive(), b.maxExclusive(), a.name());
            assertEquals(a.choices(), b.choices());
            if (a.defaultValue() instanceof double[] v) {
                assertArrayEquals(v, (double[]) b.defaultValue());
            } else {
                assertEquals(a.defaultValue(), b.defaultValue(), a.name());
                assertEquals(a.defaultValue() == null ? null : a.defaultValue().getClass(),
                        b.defaultValue() == null ? null : b.defaultValue().getClass(), a.name());
            }
        }
    }

    @Test
    void theRecordReadsBackWhatItDeclares() {
        List<Parameter> declared = Parameter.declaredBy(Settings.class);
        Settings s = Parameters.withDefaults(declared, Map.of("x", new double[][] {{1, 2}}, "grid", new double[] {3}))
                .as(Settings.class);
        assertEquals(100_000L, s.steps());
        assertEquals(1e-6, s.rate());
        assertTrue(s.plots());
        assertEquals("logits", s.input());
        assertArrayEquals(new double[] {3}, s.grid());
        assertNull(s.limit());
    }

    record Keyword(@Setting(value = "the address to bind", name = "interface", defaultValue = "127.0.0.1") String address) {
    }

    @Test
    void aComponentNamesAParameterWhoseNameIsAJavaKeyword() {
        List<Parameter> declared = Parameter.declaredBy(Keyword.class);
        assertEquals("interface", declared.get(0).name());
        assertEquals("10.0.0.1", Parameters.withDefaults(declared, Map.of("interface", "10.0.0.1"))
                .as(Keyword.class).address());
    }

    record Unannotated(@Setting("fine") double a, double b) {
    }

    record OptionalPrimitive(@Setting(value = "limit", optional = true) int limit) {
    }

    record BadDefault(@Setting(value = "steps", defaultValue = "1.5") long steps) {
    }

    record WrongType(@Setting(value = "n", type = Parameter.Type.STRING) double n) {
    }

    record ChoicesOnNumber(@Setting(value = "n", oneOf = {"a"}) double n) {
    }

    @Test
    void mistakesInTheRecordAreRefusedNamingTheComponent() {
        assertMessage(Unannotated.class, "Unannotated.b has no @Setting");
        assertMessage(OptionalPrimitive.class, "OptionalPrimitive.limit is optional without a default");
        assertMessage(BadDefault.class, "BadDefault.steps has the default \"1.5\", which is not a whole number");
        assertMessage(WrongType.class, "WrongType.n is double, which cannot hold string");
        assertMessage(ChoicesOnNumber.class, "ChoicesOnNumber.n lists oneOf, but it is number");
    }

    private static void assertMessage(Class<? extends Record> record, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameter.declaredBy(record));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}

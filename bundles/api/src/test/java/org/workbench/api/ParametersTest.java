package org.workbench.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParametersTest {
    record Settings(double rate, int epochs, long seed, boolean verbose, String mode, Path file, double[] grid,
            PerCoordinate scale, Double optionalRate) {
    }

    record Wrong(Object something) {
    }

    record Required(double missing) {
    }

    record Primitive(double optionalRate) {
    }

    record Truncating(int epsilon) {
    }

    private static final List<Parameter> DECLARED = List.of(
            Parameter.number("rate", "r").withDefault(0.5),
            Parameter.integer("epochs", "e").withDefault(3),
            Parameter.integer("seed", "s").withDefault(7),
            Parameter.bool("verbose", "v").withDefault(true),
            Parameter.string("mode", "m").withDefault("fast"),
            Parameter.path("file", "f").withDefault(Path.of("data.csv")),
            Parameter.vector("grid", "g").optional(),
            Parameter.numberOrVector("scale", "sc").withDefault(2.0),
            Parameter.number("optionalRate", "o").optional());

    @Test
    void bindsToARecordByComponentName() {
        Parameters p = Parameters.withDefaults(DECLARED, Map.of("epochs", 10, "grid", new double[] {1, 2}));
        Settings s = p.as(Settings.class);
        assertEquals(0.5, s.rate());
        assertEquals(10, s.epochs());
        assertEquals(7L, s.seed());
        assertTrue(s.verbose());
        assertEquals("fast", s.mode());
        assertEquals(Path.of("data.csv"), s.file());
        assertArrayEquals(new double[] {1, 2}, s.grid());
        assertEquals(2.0, s.scale().get(5));
        assertNull(s.optionalRate(), "an optional parameter left out");
    }

    @Test
    void aComponentOfAnUnreadableTypeOrAMissingPrimitiveIsRefused() {
        Parameters p = Parameters.withDefaults(DECLARED, Map.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.as(Wrong.class)).getMessage()
                .contains("something"));
        assertTrue(assertThrows(IllegalStateException.class, () -> p.as(Required.class)).getMessage()
                .contains("Required.missing names parameter 'missing', which the provider does not declare"));
        assertTrue(assertThrows(IllegalStateException.class, () -> p.as(Primitive.class)).getMessage()
                .contains("Primitive.optionalRate is a double, but parameter 'optionalRate' has no value"));
    }

    @Test
    void anUndeclaredReadIsTheProvidersFaultNamingWhatItDeclares() {
        Parameters p = Parameters.declared(List.of(Parameter.number("epsilon", "e").withDefault(1e-8)),
                Map.of("epsilon", 1e-8));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.number("eps"));
        assertEquals("read parameter 'eps', which the provider does not declare (it declares: epsilon)", e.getMessage());
        assertEquals(1e-8, p.number("epsilon"));
    }

    @Test
    void anIntComponentRefusesANonWholeNumberNamingTheComponent() {
        List<Parameter> declared = List.of(Parameter.number("epsilon", "e").withDefault(1e-8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.withDefaults(declared, Map.of()).as(Truncating.class));
        assertTrue(e.getMessage().startsWith("Truncating.epsilon is an int, but parameter 'epsilon' is a number and "
                + "its value 1.0E-8 is not whole"), e.getMessage());
        assertEquals(3, Parameters.withDefaults(declared, Map.of("epsilon", 3.0)).as(Truncating.class).epsilon(),
                "a whole number reads as an int");
        assertThrows(IllegalStateException.class, () -> Parameters.withDefaults(declared, Map.of()).integer("epsilon"));
    }

    @Test
    void aDefaultOfTheWrongTypeIsRefusedWhereItIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.number("epsilon", "e").withDefault("1e-8"));
        assertEquals("parameter 'epsilon' is a number, but its default \"1e-8\" is a String: write withDefault(1e-8) "
                + "without quotes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parameter.integer("n", "n").withDefault(2.5));
        assertThrows(IllegalArgumentException.class, () -> Parameter.bool("b", "b").withDefault("true"));
        assertThrows(IllegalArgumentException.class, () -> Parameter.vector("v", "v").withDefault(1.0));
        assertThrows(IllegalArgumentException.class, () -> Parameter.string("s", "s").withDefault(null));
        assertEquals(2L, Parameter.integer("n", "n").withDefault(2.0).defaultValue());
        assertEquals("x", Parameter.path("p", "p").withDefault("x").defaultValue());
    }
}

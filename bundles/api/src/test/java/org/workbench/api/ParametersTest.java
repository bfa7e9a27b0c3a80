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
        assertThrows(InvalidParameterException.class, () -> p.as(Required.class));
    }
}

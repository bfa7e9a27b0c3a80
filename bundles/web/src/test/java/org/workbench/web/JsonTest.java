package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

class JsonTest {
    @Test
    void anEffectiveSampleSizeReadsAsAWholeNumberGroupedByThousands() {
        assertEquals("11,780", Json.count(new JsonPrimitive(11780.3)));
        assertEquals("412", Json.count(new JsonPrimitive(411.6)));
        assertEquals("1,000,000", Json.count(new JsonPrimitive(1e6)));
        assertEquals("undefined", Json.count(JsonNull.INSTANCE));
    }

    @Test
    void aSweepsKeysStartWithThePointNotADot() {
        var keys = Json.flatten(JsonParser.parseString("[{\"set\":{\"prior.scale\":0.1}},{\"set\":{\"prior.scale\":1}}]")).keySet();
        assertEquals(java.util.List.of("0.set.prior.scale", "1.set.prior.scale"), java.util.List.copyOf(keys));
    }
}

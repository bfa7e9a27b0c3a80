package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

class JsonTest {
    @Test
    void anEffectiveSampleSizeReadsAsAWholeNumberGroupedByThousands() {
        assertEquals("11,780", Json.count(new JsonPrimitive(11780.3)));
        assertEquals("412", Json.count(new JsonPrimitive(411.6)));
        assertEquals("1,000,000", Json.count(new JsonPrimitive(1e6)));
        assertEquals("undefined", Json.count(JsonNull.INSTANCE));
    }
}

package org.workbench.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.engine.output.DoubleText;

/**
 * A point's results, packed, give back exactly the text they were made from; the points of a sweep
 * share one copy of their keys, and each keeps only its numbers.
 */
class PackedJsonTest {
    @Test
    void theTextComesBackCharacterForCharacter() {
        String[] texts = {
            "{}", "[]", "{\"n\":20,\"sum\":30.890732516077144,\"tiny\":1.0E-300,\"big\":2.0E23,\"neg\":-0.0,\"z\":0}",
            "{\"a\":[1,-2,3.5,1e5,1E+10,12345678901234567890,-9223372036854775808,0.10],\"b\":null,\"c\":true}",
            "{\"formula\":\"MAP = mu0 + c (MLE - mu0), 0 < c < 1\",\"s\":\"a \\\"quoted\\\" 12.5 \\\\\",\"t\":\"\\u0001\"}",
            "{\"nested\":{\"x\":[[1.5,2.5],[-3.25,4.0]],\"k\":\"v\"},\"last\":-17}",
        };
        for (String t : texts) {
            assertEquals(t, PackedJson.of(t).json(), t);
        }
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            many.append(i > 0 ? "," : "").append(Double.isFinite(v) ? DoubleText.of(v) : "null");
        }
        String text = many.append(']').toString();
        assertEquals(text, PackedJson.of(text).json());
    }

    @Test
    void pointsWithTheSameKeysShareOneShapeAndKeepTheirNumbers() throws Exception {
        PackedJson a = PackedJson.of("{\"n\":20,\"mean\":1.5254682723988713,\"method\":\"conjugate\"}");
        PackedJson b = PackedJson.of("{\"n\":21,\"mean\":-0.25,\"method\":\"conjugate\"}");
        assertSame(field(a, "shape"), field(b, "shape"));
        assertEquals(2, ((long[]) field(b, "numbers")).length);
        assertEquals("{\"n\":21,\"mean\":-0.25,\"method\":\"conjugate\"}", b.json());
    }

    private static Object field(PackedJson p, String name) throws Exception {
        Field f = PackedJson.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(p);
    }
}

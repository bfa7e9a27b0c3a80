package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.workbench.engine.descriptor.StrictJson;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** result.json's text: Gson's numbers and escapes, plain arrays on one line, compact JSON as Gson writes it. */
class JsonTextTest {
    private static final String DOCUMENT = "{\"name\":\"quote \\\" backslash \\\\ tab \\t line \\u2028 <b>&amp;</b> \\u0001\","
            + "\"numbers\":[1, -2.50, 1e-7, 1.5E+300, 0.000001, 0.0000001, 12e3, -0.0, 0e-10, 123456789012345678901234567890],"
            + "\"rows\":[[1,2],[3,4]],\"empty\":[],\"none\":{},\"list\":[{\"a\":true,\"b\":null}],\"flag\":false}";

    private static JsonObject parsed() throws Exception {
        return StrictJson.parseObject(Path.of("doc.json"), DOCUMENT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreWrittenAsBigDecimalWritesThemWithoutItsCachedCopy() {
        List<String> literals = List.of("0", "1", "-1", "0.5", "-2.50", "1e-7", "1E+5", "12e3", "1.5e300", "0.000001",
                "0.0000001", "123.456e-10", "-0.0", "0e-10", "0.00", "9007199254740993", "1e-100", "-1.0e100");
        for (String l : literals) {
            assertEquals(new BigDecimal(l).toString(), JsonText.number(new BigDecimal(l)), l);
        }
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal b = new BigDecimal(java.math.BigInteger.valueOf(r.nextLong() >> r.nextInt(60)), r.nextInt(40) - 20);
            assertEquals(b.toString(), JsonText.number(b), b.unscaledValue() + "e" + -b.scale());
        }
        assertEquals("1.0E-5", JsonText.number(1e-5), "a double as Double.toString writes it");
    }

    @Test
    void compactTextIsGsonsCompactText() throws Exception {
        JsonObject doc = parsed();
        StringWriter w = new StringWriter();
        JsonText.compact(doc, w);
        assertEquals(new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(doc), w.toString());
    }

    @Test
    void prettyTextReadsBackAsTheSameDocumentWithPlainArraysOnOneLine() throws Exception {
        JsonObject doc = parsed();
        StringWriter w = new StringWriter();
        JsonText.write(doc, w);
        String text = w.toString();
        assertEquals(doc, JsonParser.parseString(text));
        assertTrue(text.contains("\n  \"numbers\": [1, -2.50, 1E-7, 1.5E+300, 0.000001, 1E-7, 1.2E+4, 0.0, 0E-10, "
                + "123456789012345678901234567890],\n"), text);
        assertTrue(text.contains("\n  \"rows\": [\n    [1, 2],\n    [3, 4]\n  ],\n"), text);
        assertTrue(text.contains("\n  \"empty\": [],\n  \"none\": {},\n"), text);
        assertTrue(text.contains("\n  \"list\": [\n    {\n      \"a\": true,\n      \"b\": null\n    }\n  ],\n"), text);
        assertTrue(text.contains("<b>&amp;</b>") && text.contains("\\u2028") && text.contains("\\u0001"), text);
        JsonArray nonFinite = new JsonArray();
        nonFinite.add(new JsonPrimitive(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(nonFinite, new StringWriter()));
    }

    @Test
    void aSmallDocumentHasNothingLarge() throws Exception {
        LargeValues values = LargeValues.of(parsed());
        assertEquals(parsed(), values.compact());
        assertEquals(false, values.any());
        JsonElement same = values.at("/numbers", () -> new JsonPrimitive("small"));
        assertEquals(new JsonPrimitive("small"), same);
    }

    @Test
    void aValuePastTheLimitIsAReferenceAndSoIsAnythingInsideIt() throws Exception {
        LargeValues values = LargeValues.of(parsed(), 12);
        JsonObject compact = values.compact();
        assertEquals("inputs/descriptor.json#/numbers", compact.getAsJsonObject("numbers").get("$ref").getAsString());
        assertEquals("inputs/descriptor.json#/rows", compact.getAsJsonObject("rows").get("$ref").getAsString(),
                "a matrix is one value");
        assertEquals("inputs/descriptor.json#/name", compact.getAsJsonObject("name").get("$ref").getAsString());
        assertEquals(parsed().get("list"), compact.get("list"), "an array of objects is looked into, not replaced");
        JsonElement row = values.at("/rows/1", () -> null);
        assertEquals("inputs/descriptor.json#/rows/1", row.getAsJsonObject().get("$ref").getAsString());
        assertEquals(5, row.getAsJsonObject().get("bytes").getAsLong(), "[3,4]");
        assertEquals("/a~1b/c~0d/2", LargeValues.pointer("a/b", "c~d", 2));
        assertEquals("/sweep/data.values/0%20x%22", LargeValues.fragment("/sweep/data.values/0 x\""));
    }

    @Test
    void anArrayWrittenItemByItemWhereItsPlaceholderStandsGivesTheSameText() throws Exception {
        JsonObject whole = parsed();
        JsonArray points = new JsonArray();
        for (int i = 0; i < 3; i++) {
            JsonObject p = new JsonObject();
            p.addProperty("index", i);
            p.add("values", JsonParser.parseString("[1.5, " + i + "]"));
            p.add("nested", JsonParser.parseString("{\"a\":[{\"b\":" + i + "}]}"));
            points.add(p);
        }
        whole.add("points", points);
        whole.addProperty("after", "tail");
        StringWriter expected = new StringWriter();
        JsonText.write(whole, expected);
        JsonObject streamed = parsed();
        JsonArray placeholder = new JsonArray();
        streamed.add("points", placeholder);
        streamed.addProperty("after", "tail");
        int[] made = {0};
        Iterable<JsonElement> items = () -> java.util.stream.IntStream.range(0, 3).mapToObj(i -> {
            made[0]++;
            return points.get(i);
        }).iterator();
        StringWriter actual = new StringWriter();
        JsonText.write(streamed, actual, placeholder, items);
        assertEquals(expected.toString(), actual.toString());
        assertEquals(3, made[0], "each item is made once, when written");
        StringWriter none = new StringWriter();
        JsonObject empty = new JsonObject();
        JsonArray nothing = new JsonArray();
        empty.add("points", nothing);
        JsonText.write(empty, none, nothing, List.of());
        StringWriter plain = new StringWriter();
        JsonText.write(empty, plain);
        assertEquals(plain.toString(), none.toString());
    }
}

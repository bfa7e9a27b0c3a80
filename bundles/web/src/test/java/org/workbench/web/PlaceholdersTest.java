package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class PlaceholdersTest {
    private final JsonObject doc = JsonParser.parseString("""
            {"seed": 181, "results": {"n": 20, "posterior": {"mean": 1.49876543},
              "map": null, "mapReason": "the sum is 0",
              "w": [0.123456, -2.5], "study": {"testMse": {"map": {"mean": 0.0123456, "stderr": 0.000345}}},
              "method": "conjugate"},
             "points": [{"results": {"map": 0.5}}, {"results": {"map": 0.25}}]}
            """).getAsJsonObject();

    @Test
    void fillsPathsWithSignificantDigits() {
        assertEquals("mean 1.499, n = 20, seed 181", Placeholders.fill(
                "mean {{results.posterior.mean}}, n = {{results.n}}, seed {{seed}}", doc));
        assertEquals("1.49877", Placeholders.fill("{{results.posterior.mean:6}}", doc));
        assertEquals("0.01235 ± 0.00035", Placeholders.fill(
                "{{results.study.testMse.map.mean:4}} ± {{results.study.testMse.map.stderr:2}}", doc));
    }

    @Test
    void vectorsArrayIndicesStringsAndNulls() {
        assertEquals("[0.1235, -2.5]", Placeholders.fill("{{results.w}}", doc));
        assertEquals("-2.5", Placeholders.fill("{{results.w.1}}", doc));
        assertEquals("0.25", Placeholders.fill("{{points.1.results.map}}", doc));
        assertEquals("conjugate", Placeholders.fill("{{results.method}}", doc));
        assertEquals("undefined (the sum is 0)", Placeholders.fill("{{results.map}}", doc));
    }

    @Test
    void aMissingPathIsAVisibleMarker() {
        assertEquals("⟨missing: results.nosuch⟩", Placeholders.fill("{{results.nosuch}}", doc));
        assertEquals("⟨missing: points.7.results.map⟩", Placeholders.fill("{{points.7.results.map}}", doc));
    }
}

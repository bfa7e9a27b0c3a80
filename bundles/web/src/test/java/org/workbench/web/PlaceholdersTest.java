package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aMissingPathIsADashWithAReason() {
        assertEquals("—", Placeholders.fill("{{results.nosuch}}", doc));
        assertEquals("—", Placeholders.fill("{{points.7.results.map}}", doc));
    }

    private final JsonObject run = JsonParser.parseString("""
            {"results": {"epochs": [{"trainLoss": 0.5}, {"trainLoss": 0.4}]},
             "points": [{"set": {"data.n": 10}, "results": {"n": 10}}],
             "provenance": {
               "effectiveDescriptor": {"seed": 3, "task": {"use": "t", "with": {"epochs": 4}},
                 "components": {"prior": {"use": "gaussian", "with": {"variance": 9}}, "data": {"use": "d", "with": {"n": 20}}},
                 "sweep": {"data.n": [10, 100]}},
               "task": {"parameters": {"batchSize": 256}},
               "components": {"prior": {"parameters": {"mean": [0.0], "variance": [9.0]}}}}}
            """).getAsJsonObject();

    @Test
    void descriptorValuesFollowTheRun() {
        assertEquals("tau^2 = 9, epochs 4, batch 256, mean 0", Placeholders.fill(
                "tau^2 = {{with.prior.variance}}, epochs {{with.task.epochs}}, batch {{with.task.batchSize}}, mean {{with.prior.mean}}",
                run));
        assertEquals("[10, 100] from 10 to 100; seed 3", Placeholders.fill(
                "{{with.data.n}} from {{sweep.data.n.0}} to {{sweep.data.n.1}}; seed {{descriptor.seed}}", run));
        assertEquals("10", Placeholders.fill("{{points.0.set.data.n}}", run), "a key holding dots is matched whole");
        assertEquals("0.4 0.5 —", Placeholders.fill("{{results.epochs.-1.trainLoss}} {{results.epochs.-2.trainLoss}} {{results.epochs.-3.trainLoss}}", run),
                "a negative index counts from the end");
    }

    @Test
    void aKeyTheRunLacksIsADashWithAOneLineReason() {
        Placeholders.Filled f = Placeholders.filled(
                "after {{results.epochs.9.trainLoss:4}} and {{with.prior.nosuch}} and {{results.shrinkage.factor}}", run);
        assertEquals("after — and — and —", f.text());
        assertEquals(3, f.notes().size(), f.notes().toString());
        assertTrue(f.notes().get(0).contains("results.epochs has 2 entries"), f.notes().get(0));
        assertTrue(f.notes().get(2).contains("no 'shrinkage'"), f.notes().get(2));
        f.notes().forEach(n -> assertFalse(n.contains("\n") || n.contains("⟨"), n));
    }
}

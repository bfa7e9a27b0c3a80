package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEvaluationTest {
    @TempDir
    Path folder;

    @Test
    void anEvaluationBecomesTheConfusionTableOfTheRunPage() throws Exception {
        assertTrue(RunEvaluation.of(folder).isEmpty());
        Files.writeString(folder.resolve("evaluation.json"), "{\"examples\": 4, \"testLoss\": 0.51234, \"testAccuracy\": 0.75,"
                + " \"confusion\": [[2, 0], [1, 1]], \"checkpoint\": \"weights.npz\", \"epoch\": 10, \"data\": [\"testLimit=4\"]}");
        Map<String, Object> m = RunEvaluation.of(folder).orElseThrow();
        assertEquals("0.5123", m.get("testLoss"));
        assertEquals("0.7500", m.get("testAccuracy"));
        assertEquals(List.of(0, 1), m.get("classes"));
        assertEquals(List.of(Map.of("label", 0, "counts", List.of(2L, 0L)), Map.of("label", 1, "counts", List.of(1L, 1L))),
                m.get("rows"));
        assertEquals("testLimit=4", m.get("data"));
        Files.writeString(folder.resolve("evaluation.json"), "{broken");
        assertTrue(RunEvaluation.of(folder).isEmpty(), "an unreadable evaluation is left off the page");
    }

    @Test
    void eachSweepPointsEvaluationIsShownInPointOrder() throws Exception {
        for (int i : new int[] {10, 2}) {
            Path point = Files.createDirectories(folder.resolve("points").resolve(Integer.toString(i)));
            Files.writeString(point.resolve("evaluation.json"), "{\"examples\": 4, \"testLoss\": 0.5, \"testAccuracy\": 0."
                    + i + ", \"confusion\": [[2, 0], [1, 1]], \"checkpoint\": \"weights.npz\", \"epoch\": 3, \"point\": " + i
                    + ", \"set\": {\"seed\": " + (180 + i) + "}}");
        }
        Files.createDirectories(folder.resolve("points/5"));
        List<Map<String, Object>> all = RunEvaluation.all(folder);
        assertEquals(List.of("point 2 (seed=182)", "point 10 (seed=190)"), all.stream().map(m -> m.get("point")).toList());
        assertEquals(List.of("run-evaluation-point-2", "run-evaluation-point-10"), all.stream().map(m -> m.get("id")).toList());
        assertEquals("0.2000", all.get(0).get("testAccuracy"));
    }
}

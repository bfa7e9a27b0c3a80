package org.workbench.api.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PointLabelTest {
    private static Map<String, Object> set(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void theHomeworksParametersReadAsTheirSymbols() {
        assertEquals("τ = 0.1", PointLabel.of(set("prior.scale", 0.1)));
        assertEquals("n = 100, seed 181", PointLabel.of(set("data.n", 100.0, "seed", 181L)));
        assertEquals("optimizer.learningRate = 0.01", PointLabel.of(set("optimizer.with.learningRate", 0.01)));
        assertEquals("σ² = 2.5e-7", PointLabel.of(set("likelihood.variance", 2.5e-7)));
    }

    @Test
    void aPlotsAxisLabelNamesItsPath() {
        Map<String, String> symbols = PointLabel.symbols(List.of(
                Map.of("x", "data.trainLimit", "xLabel", "training examples N"),
                Map.of("x", "prior.variance", "xLabel", "prior variance")));
        assertEquals(Map.of("data.trainLimit", "N"), symbols);
        assertEquals("N = 600, seed 181", PointLabel.of(set("data.trainLimit", 600.0, "seed", 181.0), symbols));
        assertEquals(Map.of(), PointLabel.symbols(null));
    }

    @Test
    void aSweepOverProvidersIsLabelledByProvider() {
        assertEquals("prior laplace, n = 10", PointLabel.of(set("prior.use", "laplace", "data.n", 10)));
        assertEquals("prior version [1.0,1.1)", PointLabel.of(set("prior.version", "[1.0,1.1)")));
        assertEquals("prior laplace (scale = 0.5)",
                PointLabel.of(set("prior", Map.of("use", "laplace", "with", Map.of("scale", 0.5)))));
        assertEquals("[1, 2.5]", PointLabel.value(List.of(1.0, 2.5), 4));
    }
}

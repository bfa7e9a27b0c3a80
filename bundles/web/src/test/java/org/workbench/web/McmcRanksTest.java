package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class McmcRanksTest {
    @SuppressWarnings("unchecked")
    private static List<Double> counts(Map<String, Object> chart, int chain) {
        return (List<Double>) ((List<Map<String, Object>>) chart.get("series")).get(chain).get("y");
    }

    @Test
    void aChainStuckBelowTheOthersHasAllItsRanksInTheLowBins() {
        double[][] x = new double[2][100];
        for (int t = 0; t < 100; t++) {
            x[0][t] = t;          // 0..99: the lower half of the pooled draws
            x[1][t] = 1000 + t;   // the upper half
        }
        Map<String, Object> chart = McmcPage.ranks("w1", x);
        List<Double> low = counts(chart, 0);
        List<Double> high = counts(chart, 1);
        assertEquals(21, low.size(), "20 bins and the step's closing point");
        assertEquals(100.0, low.subList(0, 20).stream().mapToDouble(Double::doubleValue).sum());
        assertEquals(10.0, low.get(0));
        assertEquals(0.0, low.get(10));
        assertEquals(0.0, high.get(9));
        assertEquals(10.0, high.get(19));
        assertEquals(5.0, counts(chart, 2).get(0), "the uniform reference: 100 draws over 20 bins");
    }

    @Test
    void wellMixedChainsHaveFlatRanks() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        double[][] x = new double[4][1000];
        for (double[] chain : x) {
            for (int t = 0; t < chain.length; t++) {
                chain[t] = random.nextDouble();
            }
        }
        for (int c = 0; c < 4; c++) {
            for (double v : counts(McmcPage.ranks("w", x), c).subList(0, 20)) {
                assertTrue(v > 20 && v < 85, "bin count " + v + " far from the expected 50");
            }
        }
    }
}

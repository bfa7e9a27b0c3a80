package org.workbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The summaries equal, within 1e-12 relative, what the implementation before the per-thread
 * workspaces, the packed radix sort and the bit-count tail ESS computed for the same chains
 * ({@link SummaryCases}; the expected lines were printed by that implementation). NaN where it
 * gave NaN.
 */
class PreviousResultsTest {
    @Test
    void summariesEqualThePreviousImplementationsWithin1e12() throws IOException {
        List<String> expected;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("previous-summaries.txt"), StandardCharsets.UTF_8))) {
            expected = in.lines().collect(Collectors.toList());
        }
        List<String> actual = SummaryCases.lines();
        assertEquals(expected.size(), actual.size());
        String[] names = {"mean", "mcse", "ess", "essTail", "rhat"};
        int compared = 0;
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i).split(" ");
            String[] a = actual.get(i).split(" ");
            for (int k = 0; k < names.length; k++) {
                double want = Double.parseDouble(e[2 + k]);
                double got = Double.parseDouble(a[2 + k]);
                String where = "case " + e[0] + " coordinate " + e[1] + " " + names[k];
                if (Double.isNaN(want)) {
                    assertTrue(Double.isNaN(got), where + ": " + got + ", previously NaN");
                } else {
                    assertEquals(want, got, 1e-12 * Math.abs(want), where);
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, compared + " numbers compared");
    }
}

package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CompareDeltaTest {
    @Test
    void twoRunsGiveTheSecondMinusTheFirstMoreGiveTheRange() {
        assertEquals("+0.5", ComparePage.delta(Arrays.asList(1.0, 1.5)));
        assertEquals("-1.5e-7", ComparePage.delta(Arrays.asList(2e-7, 0.5e-7)));
        assertEquals("0", ComparePage.delta(Arrays.asList(3.0, 3.0)));
        assertEquals("4", ComparePage.delta(Arrays.asList(3.0, 1.0, 5.0)));
        assertEquals("", ComparePage.delta(Arrays.asList(3.0, null)));
    }
}

package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NiceTicksTest {
    @Test
    void boundsSitOnMultiplesOfARoundStep() {
        assertArrayEquals(new double[] { 0.2, 2.8 }, NiceTicks.bounds(new double[] { 0.387943128866431, 1.5, 2.62 }), 1e-12);
        assertArrayEquals(new double[] { 1, 10 }, NiceTicks.bounds(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }), 1e-12);
        assertArrayEquals(new double[] { -4, 7 }, NiceTicks.bounds(new double[] { -3.62, 6.37 }), 1e-12);
        assertNull(NiceTicks.bounds(new double[] { 2, 2 }));
        assertEquals(0.5, NiceTicks.step(4.1, 8), 1e-12);
    }
}

package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickLabelsTest {
    @Test
    void atMostFourSignificantDigits() {
        assertEquals("0.3879", TickLabels.format(0.387943128866431));
        assertEquals("-3.623", TickLabels.format(-3.62291490296295));
        assertEquals("1.5", TickLabels.format(1.5000000000001));
        assertEquals("1200", TickLabels.format(1200.0));
        assertEquals("1.235e5", TickLabels.format(123456.0));
        assertEquals("2.5e-4", TickLabels.format(0.00025));
        assertEquals("0", TickLabels.format(0.0));
    }
}

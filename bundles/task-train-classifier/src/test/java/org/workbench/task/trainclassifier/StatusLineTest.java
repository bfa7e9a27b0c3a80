package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The status text is formatted first, then once per interval, and whenever forced; in between it stays. */
class StatusLineTest {
    @Test
    void itIsDueFirstThenOncePerIntervalOrWhenForced() {
        StatusLine line = new StatusLine(50);
        assertEquals("", line.text());
        assertTrue(line.due(1_000, false), "never formatted");
        line.set("batch 1", 1_000);
        assertFalse(line.due(1_049, false), "within the interval");
        assertEquals("batch 1", line.text(), "kept between formats");
        assertTrue(line.due(1_049, true), "forced: an epoch's last batch");
        assertTrue(line.due(1_050, false), "the interval past");
        line.set("batch 7", 1_050);
        assertFalse(line.due(1_060, false));
        assertEquals("batch 7", line.text());
    }

    @Test
    void aClockThatStartsNegativeStillFormatsTheFirstLine() {
        StatusLine line = new StatusLine(StatusLine.EVERY_NANOS);
        assertTrue(line.due(Long.MIN_VALUE + 5, false), "System.nanoTime may be any value, negative ones included");
    }
}

package org.workbench.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** serve waits for its own process to be idle before it prints its address, and never past its deadline. */
class QuietProcessTest {
    @Test
    void quietOnceAWindowUsesUnderAQuarterOfACore() {
        AtomicLong reads = new AtomicLong();
        // 1 ms windows: the first three readings a whole core busy (the JIT compiling), then a tenth of one
        long[] used = { 0, 1_000_000, 2_000_000, 3_000_000, 3_100_000, 3_200_000 };
        QuietProcess quiet = new QuietProcess(() -> used[(int) Math.min(used.length - 1, reads.getAndIncrement())], 1);
        assertTrue(quiet.await(System.currentTimeMillis() + 60_000));
        assertEquals(5, reads.get(), "measured until the first quiet window");
    }

    @Test
    void aProcessThatStaysBusyIsLeftAtTheDeadline() {
        AtomicLong nanos = new AtomicLong();
        QuietProcess quiet = new QuietProcess(() -> nanos.addAndGet(5_000_000), 1);
        assertFalse(quiet.await(System.currentTimeMillis() + 50));
    }
}

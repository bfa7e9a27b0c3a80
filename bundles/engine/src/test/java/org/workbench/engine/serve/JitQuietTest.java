package org.workbench.engine.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** serve waits for the JIT to finish what its warm-up gave it, and never past its deadline. */
class JitQuietTest {
    @Test
    void quietOnceTheCompilationTimeStopsGrowing() {
        AtomicLong polls = new AtomicLong();
        // the compiler works through three polls, then stops
        JitQuiet jit = new JitQuiet(() -> Math.min(3, polls.getAndIncrement()) * 40, 1);
        assertTrue(jit.await(System.currentTimeMillis() + 60_000));
        assertTrue(polls.get() >= 5, "polled until two readings were equal: " + polls.get());
    }

    @Test
    void aCompilerThatNeverStopsIsLeftAtTheDeadline() {
        AtomicLong ms = new AtomicLong();
        JitQuiet jit = new JitQuiet(() -> ms.addAndGet(10), 1);
        assertFalse(jit.await(System.currentTimeMillis() + 50));
    }
}

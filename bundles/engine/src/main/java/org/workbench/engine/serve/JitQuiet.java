package org.workbench.engine.serve;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Waits, up to a deadline, until the JIT compiler has finished what serve's own first requests gave it
 * ({@link FirstPages}): its total compilation time unchanged over {@value #QUIET_MS} ms. A dozen runs of
 * the runs page leave the C2 compiler 0.5 s of CPU of work queued, which would otherwise run beside the
 * first visitor's browser on the same cores.
 */
final class JitQuiet {
    /** How long the compilation time must stay unchanged. */
    static final long QUIET_MS = 100;

    private final LongSupplier compilationMs;
    private final long quietMs;

    /** The running JVM's compiler; a JVM that does not report its compilation time is taken as quiet. */
    static JitQuiet ofThisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean known = jit != null && jit.isCompilationTimeMonitoringSupported();
        return new JitQuiet(known ? jit::getTotalCompilationTime : () -> 0L, QUIET_MS);
    }

    JitQuiet(LongSupplier compilationMs, long quietMs) {
        this.compilationMs = compilationMs;
        this.quietMs = quietMs;
    }

    /**
     * Polls the compilation time every {@code quietMs} until it did not change, or {@code deadline}
     * (milliseconds since the epoch) passed.
     *
     * @return whether the compiler was quiet before the deadline
     */
    boolean await(long deadline) {
        long before = compilationMs.getAsLong();
        while (System.currentTimeMillis() + quietMs <= deadline) {
            try {
                Thread.sleep(quietMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long now = compilationMs.getAsLong();
            if (now == before) {
                return true;
            }
            before = now;
        }
        return false;
    }
}

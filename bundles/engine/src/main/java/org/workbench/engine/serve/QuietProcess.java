package org.workbench.engine.serve;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits, up to a deadline, until this process is all but idle: under a quarter of a core's CPU time
 * over {@value #WINDOW_MS} ms. After {@link FirstPages}' requests the JIT compilers still work through
 * what those requests gave them (at 100,000 runs about 0.5 s of CPU), and a background sync of the run
 * store may be under way; a visitor's first page would share the cores with them.
 */
final class QuietProcess {
    /** The window the process's CPU time is measured over. */
    static final long WINDOW_MS = 100;

    private final LongSupplier cpuNanos;
    private final long windowMs;

    /** This process, by its CPU time as the operating system reports it (a process that reports none counts as quiet). */
    static QuietProcess ofThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new QuietProcess(() -> self.info().totalCpuDuration().map(Duration::toNanos).orElse(0L), WINDOW_MS);
    }

    QuietProcess(LongSupplier cpuNanos, long windowMs) {
        this.cpuNanos = cpuNanos;
        this.windowMs = windowMs;
    }

    /**
     * Measures the CPU time of each window of {@code windowMs} until one used under a quarter of it, or
     * {@code deadline} (milliseconds since the epoch) passed.
     *
     * @return whether the process was quiet before the deadline
     */
    boolean await(long deadline) {
        long before = cpuNanos.getAsLong();
        while (System.currentTimeMillis() + windowMs <= deadline) {
            try {
                Thread.sleep(windowMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long now = cpuNanos.getAsLong();
            if ((now - before) * 4 < windowMs * 1_000_000L) {
                return true;
            }
            before = now;
        }
        return false;
    }
}

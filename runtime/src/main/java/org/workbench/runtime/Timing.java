package org.workbench.runtime;

import java.lang.management.ManagementFactory;

/**
 * Start-up phase timings on standard error when the environment variable {@code WORKBENCH_TIMING}
 * is set: milliseconds since the JVM started at each mark (and each bundle's start with
 * {@code WORKBENCH_TIMING=bundles}).
 */
final class Timing {
    private static final boolean ENABLED = System.getenv("WORKBENCH_TIMING") != null;
    /** {@code WORKBENCH_TIMING=bundles}: also each bundle's start, in milliseconds of its own. */
    private static final boolean BUNDLES = "bundles".equals(System.getenv("WORKBENCH_TIMING"));

    private Timing() {
    }

    /** Reports one bundle's start when asked for per-bundle timings; {@code sinceNanos} is when it began. */
    static void bundle(String name, long sinceNanos) {
        if (BUNDLES) {
            System.err.printf("timing: %8.1f ms to start %s%n", (System.nanoTime() - sinceNanos) / 1e6, name);
        }
    }

    static void mark(String phase) {
        if (ENABLED) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("timing: %5d ms (%5d ms CPU, %5d ms on this thread) %s%n", sinceStart, processCpuMillis(),
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000, phase);
        }
    }

    /** The CPU time of the whole process so far (every thread, the JIT and the collector too), or -1. */
    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }
}

package org.workbench.engine.run;

import java.lang.management.ManagementFactory;

/**
 * The engine's phases on standard error when the environment variable {@code WORKBENCH_TIMING} is
 * set, in the runtime's format (milliseconds since the JVM started): the command line parsed, the
 * plan ready, the task done, its plots rendered, the result published.
 */
public final class PhaseTiming {
    private static final boolean ENABLED = System.getenv("WORKBENCH_TIMING") != null;

    private PhaseTiming() {
    }

    public static void mark(String phase) {
        if (ENABLED) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("timing: %5d ms (%5d ms CPU) %s%n", sinceStart, processCpuMillis(), phase);
        }
    }

    /** The CPU time of the whole process so far (every thread, the JIT and the collector too), or -1. */
    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }
}

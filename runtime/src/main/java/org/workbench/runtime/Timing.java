package org.workbench.runtime;

import java.lang.management.ManagementFactory;

/**
 * Start-up phase timings on standard error when the environment variable {@code WORKBENCH_TIMING}
 * is set: milliseconds since the JVM started at each mark.
 */
final class Timing {
    private static final boolean ENABLED = System.getenv("WORKBENCH_TIMING") != null;

    private Timing() {
    }

    static void mark(String phase) {
        if (ENABLED) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("timing: %5d ms %s%n", sinceStart, phase);
        }
    }
}

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
            System.err.printf("timing: %5d ms %s%n", sinceStart, phase);
        }
    }
}

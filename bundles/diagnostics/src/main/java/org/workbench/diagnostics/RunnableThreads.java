package org.workbench.diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many threads the machine has runnable at this moment: the numerator of the fourth field of
 * Linux's {@code /proc/loadavg} ({@code 0.67 2.87 4.28 3/80 16821}: 3 runnable of 80), the reading
 * thread included. Unlike the load average, which trails the last minute, it tells whether a core
 * is free now.
 */
final class RunnableThreads {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private RunnableThreads() {
    }

    /** The runnable threads now, or -1 where the system does not say (not Linux, no /proc). */
    static int now() {
        try {
            return parse(new String(Files.readAllBytes(LOADAVG), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** The runnable count of a {@code /proc/loadavg} line, or -1 if it has none. */
    static int parse(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        if (fields.length < 4) {
            return -1;
        }
        int slash = fields[3].indexOf('/');
        if (slash <= 0) {
            return -1;
        }
        try {
            return Integer.parseInt(fields[3].substring(0, slash));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}

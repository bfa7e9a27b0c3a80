package org.workbench.backend.vector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of this whole process, the JIT's compiler threads included (which no Java API
 * reports): {@code utime + stime} of Linux's {@code /proc/self/stat}, in clock ticks of 10 ms. Where
 * that cannot be read, wall time stands for it.
 */
final class ProcessCpu {
    private static final Path STAT = Path.of("/proc/self/stat");
    /** Nanoseconds per clock tick: Linux's USER_HZ is 100 on every architecture the JDK runs on. */
    private static final long TICK_NANOS = 10_000_000L;

    private ProcessCpu() {
    }

    /** CPU nanoseconds since some fixed point (or wall nanoseconds where /proc is not there). */
    static long nanos() {
        try {
            String stat = Files.readString(STAT, StandardCharsets.US_ASCII);
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
        } catch (IOException | RuntimeException notLinux) {
            return System.nanoTime();
        }
    }
}

package org.workbench.executor.hazelcast;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where refusals are said: one line on standard error per distinct refusal ({@code cluster: ...}),
 * naming the member's address, so that a tampered member refusing every unit of a sweep is one note,
 * not one per unit.
 */
final class TrustLog {
    private final PrintStream err;
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    TrustLog(PrintStream err) {
        this.err = err;
    }

    /** Says {@code line} unless the same {@code key} was said before. */
    void note(String key, String line) {
        if (said.add(key)) {
            err.println("cluster: " + line);
            err.flush();
        }
    }
}

package org.workbench.engine.run;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.workbench.api.live.ActiveRun;

/**
 * The runs in progress in this runtime: the ways to cancel them together (Ctrl-C in the shell
 * cancels every one; cancelling one run is interrupting the thread that called {@link Runner#run}),
 * and each run as a {@link TrackedRun} with its progress, for the web page's list of active runs
 * whoever started them.
 */
public final class ActiveRuns {
    private final List<Runnable> cancels = new CopyOnWriteArrayList<>();
    private final Map<String, TrackedRun> tracked = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public void add(Runnable cancel) {
        cancels.add(cancel);
    }

    public void remove(Runnable cancel) {
        cancels.remove(cancel);
    }

    /** Cancels every run in progress; returns how many there were. */
    public int cancelAll() {
        List<Runnable> now = List.copyOf(cancels);
        now.forEach(Runnable::run);
        return now.size();
    }

    /** A fresh id for a run (16 hex digits). */
    public String newId() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Lists a run from now until {@link #untrack}.
     *
     * @param cancel what stops it (interrupting the thread that runs it)
     */
    public synchronized TrackedRun track(String id, String name, List<String> overrides, String origin, Runnable cancel) {
        TrackedRun run = new TrackedRun(id, name, overrides, origin, System.currentTimeMillis(), cancel);
        tracked.put(id, run);
        return run;
    }

    public synchronized void untrack(TrackedRun run) {
        tracked.remove(run.id(), run);
    }

    /** The runs in progress, oldest first. */
    public synchronized List<ActiveRun> tracked() {
        return new ArrayList<>(tracked.values());
    }
}

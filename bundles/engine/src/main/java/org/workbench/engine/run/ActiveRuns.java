package org.workbench.engine.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runs in progress in this runtime, so that they can be cancelled together (Ctrl-C in the
 * shell). Cancelling one run is interrupting the thread that called {@link Runner#run}; this
 * registry does the same for every run at once.
 */
public final class ActiveRuns {
    private final List<Runnable> cancels = new CopyOnWriteArrayList<>();

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
}

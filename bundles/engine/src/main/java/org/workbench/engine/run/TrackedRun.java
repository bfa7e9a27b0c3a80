package org.workbench.engine.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.workbench.api.Progress;
import org.workbench.api.live.ActiveRun;
import org.workbench.api.live.RunObserver;

/**
 * One run in {@link ActiveRuns}: the latest progress report of its loops, and the observers that
 * joined it on the way (a web page opened after the run was started from the shell). Its progress
 * goes through {@link #watching}, which keeps the latest report and passes everything on.
 */
public final class TrackedRun implements ActiveRun {
    private final String id;
    private final List<String> overrides;
    private final String origin;
    private final long startedAt;
    private final Runnable cancel;
    private final List<RunObserver> observers = new CopyOnWriteArrayList<>();
    private volatile String name;
    private volatile Snapshot progress;
    private boolean ended;

    TrackedRun(String id, String name, List<String> overrides, String origin, long startedAt, Runnable cancel) {
        this.id = id;
        this.name = name;
        this.overrides = List.copyOf(overrides);
        this.origin = origin;
        this.startedAt = startedAt;
        this.cancel = cancel;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /** The descriptor's own name, once it has been read. */
    public void named(String descriptorName) {
        this.name = descriptorName;
    }

    @Override
    public List<String> overrides() {
        return overrides;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public long startedAt() {
        return startedAt;
    }

    @Override
    public Snapshot progress() {
        return progress;
    }

    @Override
    public synchronized boolean observe(RunObserver observer) {
        if (ended) {
            return false;
        }
        observers.add(observer);
        return true;
    }

    @Override
    public void cancel() {
        cancel.run();
    }

    /** Tells the observers that joined the end of the run, once; later observers are refused. */
    public void finished(int status, Path resultJson, String message) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        observers.forEach(o -> o.finished(status, resultJson, message));
    }

    /** {@code inner} with every report also kept here and passed to the observers that joined. */
    public ProgressFactory watching(ProgressFactory inner) {
        return (label, total) -> {
            Progress p = inner.open(label, total);
            return new Progress() {
                @Override
                public void update(long done, String status) {
                    p.update(done, status);
                    progress = new Snapshot(label, done, total, status);
                    for (RunObserver o : observers) {
                        o.progress(label, done, total, status);
                    }
                }

                @Override
                public void message(String line) {
                    p.message(line);
                    for (RunObserver o : observers) {
                        o.message(label, line);
                    }
                }

                @Override
                public void metrics(long step, Map<String, Double> values) {
                    p.metrics(step, values);
                    for (RunObserver o : observers) {
                        o.metrics(label, step, values);
                    }
                }

                @Override
                public void close() {
                    p.close();
                }
            };
        };
    }
}

package org.workbench.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.live.RunObserver;

/**
 * One run the pages watch, started from the page or joined while it ran (started from this
 * server's command line or shell): its events in order (each a JSON object with a {@code type}),
 * kept so that a page that connects late, or again after a reload, sees the whole history. Progress
 * reports are coalesced to at most one every 100 ms per loop; metrics, messages and the end are
 * always kept.
 */
final class LiveRun implements RunObserver {
    private static final long PROGRESS_INTERVAL_NS = 100_000_000L;
    private final String experiment;
    private final List<String> overrides;
    private final String origin;
    private final List<String> events = new ArrayList<>();
    private final Map<String, Long> lastProgress = new LinkedHashMap<>();
    private volatile String id;
    private volatile Runnable canceller;
    private volatile boolean cancelRequested;
    private boolean finished;
    private RunState state = RunState.RUNNING;
    private long[] lastBar = { 0, 1 };

    LiveRun(String experiment, List<String> overrides, String origin) {
        this.experiment = experiment;
        this.overrides = List.copyOf(overrides);
        this.origin = origin;
    }

    String id() {
        return id;
    }

    String experiment() {
        return experiment;
    }

    List<String> overrides() {
        return overrides;
    }

    String origin() {
        return origin;
    }

    /** Names the run (the workspace's id) and how to cancel it. */
    void attach(String runId, Runnable cancel) {
        this.id = runId;
        this.canceller = cancel;
    }

    void cancel() {
        Runnable c = canceller;
        if (c != null && !finished()) {
            cancelRequested = true;
            c.run();
        }
    }

    synchronized boolean finished() {
        return finished;
    }

    synchronized RunState state() {
        return state;
    }

    /** The last progress report's {@code done} and {@code total}. */
    synchronized long[] bar() {
        return lastBar.clone();
    }

    /** Waits until there are more than {@code seen} events or the run has finished; returns the new ones. */
    synchronized List<String> after(int seen, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (events.size() <= seen && !finished) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return seen >= events.size() ? List.of() : List.copyOf(events.subList(seen, events.size()));
    }

    private synchronized void add(Map<String, Object> event) {
        event.put("at", System.currentTimeMillis());
        events.add(Json.SAFE.toJson(event));
        notifyAll();
    }

    @Override
    public void progress(String label, long done, long total, String status) {
        long now = System.nanoTime();
        synchronized (this) {
            lastBar = new long[] { done, total };
            Long last = lastProgress.get(label);
            if (last != null && now - last < PROGRESS_INTERVAL_NS && done < total) {
                return;
            }
            lastProgress.put(label, now);
        }
        Map<String, Object> e = event("progress");
        e.put("label", label);
        e.put("done", done);
        e.put("total", total);
        e.put("status", status);
        add(e);
    }

    @Override
    public void message(String label, String line) {
        Map<String, Object> e = event("message");
        e.put("label", label);
        e.put("line", line);
        add(e);
    }

    @Override
    public void metrics(String label, long step, Map<String, Double> values) {
        Map<String, Object> e = event("metrics");
        e.put("label", label);
        e.put("step", step);
        e.put("values", new LinkedHashMap<>(values));
        add(e);
    }

    @Override
    public void finished(int status, Path resultJson, String error) {
        String run = null;
        if (resultJson != null) {
            Path folder = resultJson.getParent();
            run = folder.getParent().getFileName() + "/" + folder.getFileName();
        }
        RunState ended = RunState.ended(status, run, error, cancelRequested);
        Map<String, Object> e = event("finished");
        e.put("status", status);
        e.put("run", run);
        e.put("error", error);
        e.put("state", ended.name());
        e.put("text", ended.text());
        synchronized (this) {
            if (finished) {
                return;
            }
            state = ended;
            add(e);
            finished = true;
            notifyAll();
        }
    }

    private static Map<String, Object> event(String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        return e;
    }
}

package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.live.ActiveRun;
import org.workbench.api.live.Workspace;

/**
 * The runs the pages have watched since the server started, by the workspace's run id: those
 * started from the page, and those of the command line or shell that a page joined while they ran.
 */
final class LiveRuns {
    private final Map<String, LiveRun> runs = new LinkedHashMap<>();

    synchronized void add(LiveRun run) {
        runs.put(run.id(), run);
    }

    /**
     * The run of this id: one the pages watch already, or one in progress in the workspace that the
     * pages now join (hearing it from here on); {@code null} when there is neither.
     */
    LiveRun find(String id, Workspace workspace) {
        if (id == null) {
            return null;
        }
        synchronized (this) {
            LiveRun known = runs.get(id);
            if (known != null) {
                return known;
            }
        }
        for (ActiveRun a : workspace.active()) {
            if (a.id().equals(id)) {
                return join(a);
            }
        }
        return null;
    }

    private synchronized LiveRun join(ActiveRun active) {
        LiveRun known = runs.get(active.id());
        if (known != null) {
            return known;
        }
        LiveRun run = new LiveRun(active.name(), active.overrides(), active.origin());
        run.attach(active.id(), active::cancel);
        ActiveRun.Snapshot p = active.progress();
        if (p != null) {
            run.progress(p.label(), p.done(), p.total(), p.status());
        }
        if (!active.observe(run)) {
            return null; // ended between the listing and now: its folder is on the runs page
        }
        runs.put(run.id(), run);
        return run;
    }

    synchronized List<LiveRun> all() {
        return new ArrayList<>(runs.values());
    }
}

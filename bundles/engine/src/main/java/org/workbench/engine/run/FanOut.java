package org.workbench.engine.run;

import org.workbench.engine.catalog.BundleJars;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.workbench.api.Progress;
import org.workbench.api.ResultTree;
import org.workbench.api.UnitWork;
import org.workbench.api.execution.Executor;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitCallback;
import org.workbench.engine.output.JsonTrees;
import org.workbench.engine.output.JsonValues;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs the units of a task's fan-out ({@code TaskContext.fanOut}) through the run's executor: in
 * this JVM from the live work, or on cluster members from the pinned descriptor. Units already kept
 * by an interrupted run are not run again; every finished unit is kept as it finishes.
 */
final class FanOut {
    private final Executor executor;
    private final UnitPayloads payloads;
    private final SweepFolder sweep;
    private final BundleJars jars;

    /**
     * @param payloads how units travel, or {@code null} when the executor runs in this JVM only
     * @param sweep    where finished units are kept, or {@code null} (on a member)
     */
    FanOut(Executor executor, UnitPayloads payloads, SweepFolder sweep, BundleJars jars) {
        this.executor = executor;
        this.payloads = payloads;
        this.sweep = sweep;
        this.jars = jars;
    }

    List<ResultTree> run(PointContext context, int point, String name, int count, UnitWork work) throws Exception {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("a fan-out's name must be a plain word, got '" + name + "'");
        }
        ResultTree[] results = new ResultTree[count];
        SweepFolder.UnitStore store = sweep == null ? null : sweep.units(point, name);
        if (store != null) {
            for (Map.Entry<Integer, JsonObject> e : store.finished(count).entrySet()) {
                results[e.getKey()] = JsonTrees.tree(e.getValue());
            }
        }
        InProcessUnits here = new InProcessUnits(jars);
        List<Unit> units = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            if (results[r] != null) {
                continue;
            }
            int index = r;
            Unit unit = payloads == null ? new Unit(UnitPayloads.pointId(point) + "/" + name + "/" + r, "", List.of())
                    : payloads.unit(point, name, r, count);
            here.register(unit, () -> JsonValues.tree(work.run(context, index)).toString());
            units.add(unit);
        }
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger(count - units.size());
        try (Progress progress = context.progress(name, count)) {
            executor.execute(units, here, new UnitCallback() {
                @Override
                public void finished(Unit unit, String result, String member) {
                    int r = index(unit);
                    try {
                        results[r] = JsonTrees.tree(JsonParser.parseString(result).getAsJsonObject());
                        if (store != null) {
                            store.save(r, result);
                        }
                    } catch (Exception e) {
                        failures.put(r, "its result could not be kept: " + e);
                    }
                    int finished = done.incrementAndGet();
                    synchronized (progress) {
                        progress.update(finished, name + " " + finished + " of " + count);
                    }
                }

                @Override
                public void failed(Unit unit, String reason, String member) {
                    failures.put(index(unit), reason + (member == null ? "" : " (on " + member + ")"));
                }
            });
        }
        if (!failures.isEmpty()) {
            int first = failures.keySet().stream().min(Integer::compare).orElseThrow();
            throw new IllegalStateException(failures.size() + " of " + count + " units of '" + name
                    + "' failed; unit " + first + ": " + failures.get(first));
        }
        return List.of(results);
    }

    private static int index(Unit unit) {
        String id = unit.id();
        return Integer.parseInt(id.substring(id.lastIndexOf('/') + 1));
    }
}

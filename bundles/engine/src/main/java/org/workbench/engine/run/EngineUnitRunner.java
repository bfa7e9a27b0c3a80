package org.workbench.engine.run;

import org.workbench.engine.output.PlotRenderer;

import org.workbench.engine.catalog.BundleJars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.workbench.api.FanOutTask;
import org.workbench.api.Task;
import org.workbench.api.UnitWork;
import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.Executor;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.Unit;
import org.workbench.api.execution.UnitRunner;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.output.JsonValues;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A member's runner: turns a unit's JSON (pinned descriptor, point, seed, fan-out) back into the
 * computation with the bundles this framework has, fetching a pinned one it lacks first. A point
 * runs in a temporary folder whose files travel back with its result; a fan-out unit creates the
 * point's task and components again and runs the task's {@link FanOutTask#unitWork named work}.
 */
public final class EngineUnitRunner implements UnitRunner {
    private static final int PLAN_CACHE = 16;
    private final ProviderSource providers;
    private final PlotRenderer renderer;
    private final BundleJars jars;
    private final int threads;
    private final Map<String, Plan> plans = new LinkedHashMap<>(PLAN_CACHE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
            return size() > PLAN_CACHE;
        }
    };
    private final Map<String, FanOutPoint> points = new LinkedHashMap<>(PLAN_CACHE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FanOutPoint> eldest) {
            if (size() > PLAN_CACHE) {
                try {
                    SweepFolder.delete(eldest.getValue().folder());
                } catch (IOException ignored) {
                    // a temporary folder left behind
                }
                return true;
            }
            return false;
        }
    };

    public EngineUnitRunner(ProviderSource providers, PlotRenderer renderer, BundleJars jars, int threads) {
        this.providers = providers;
        this.renderer = renderer;
        this.jars = jars;
        this.threads = threads;
    }

    @Override
    public Optional<String> sha256(BundlePin pin) {
        return jars.sha256(pin);
    }

    @Override
    public String run(Unit unit, JarSource source, Executor here) throws Exception {
        JsonObject o = JsonParser.parseString(unit.payload()).getAsJsonObject();
        jars.ensure(unit.bundles(), source);
        Plan plan = plan(o);
        int index = o.get("point").getAsInt();
        if (index < 0 || index >= plan.points().size()) {
            throw new IllegalArgumentException("the descriptor has no point " + index);
        }
        PlanPoint point = plan.points().get(index);
        Executor nested = here != null ? here : new LocalExecutor(threads);
        Path folder = Files.createTempDirectory("workbench-unit-");
        try {
            if (o.get("kind").getAsString().equals("point")) {
                String relative = plan.swept() ? "points/" + index + "/" : "";
                FanOut fanOut = new FanOut(nested, new UnitPayloads(plan, unit.bundles()), null, jars);
                PointOutcome outcome = new PointRun(renderer, ProgressFactory.SILENT, providers)
                        .run(plan, point, folder.resolve(relative), relative, fanOut, Checkpoints.NONE);
                return PointRecord.write(outcome, null, folder).toString();
            }
            String name = o.get("fanOut").getAsString();
            int r = o.get("unit").getAsInt();
            FanOutPoint fanOut = fanOutPoint(planKey(o) + "\n" + index + "\n" + name, plan, point, name);
            return JsonValues.tree(fanOut.work().run(fanOut.context(), r)).toString();
        } finally {
            SweepFolder.delete(folder);
        }
    }

    /**
     * The task, components and context of a point whose units this member runs, created once and
     * shared by its units (as the units of one point share them on the coordinator's cores).
     */
    private FanOutPoint fanOutPoint(String key, Plan plan, PlanPoint point, String name) throws IOException {
        synchronized (points) {
            FanOutPoint cached = points.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Path folder = Files.createTempDirectory("workbench-fan-out-");
        PointComponents components = new PointComponents(plan, point, folder, "");
        PointContext context = new PointContext(point, components, folder, "", ProgressFactory.SILENT,
                new HotSwapper(plan, point, providers, components), null, Checkpoints.NONE);
        Task task = PointRun.createTask(plan, point, context);
        if (!(task instanceof FanOutTask fanning)) {
            throw new IllegalStateException(plan.task().label() + " fans out units but is not a FanOutTask");
        }
        FanOutPoint created = new FanOutPoint(fanning.unitWork(name), context, folder);
        synchronized (points) {
            FanOutPoint raced = points.putIfAbsent(key, created);
            if (raced != null) {
                SweepFolder.delete(folder);
                return raced;
            }
        }
        return created;
    }

    private record FanOutPoint(UnitWork work, PointContext context, Path folder) {
    }

    private static String planKey(JsonObject o) {
        return o.get("file").getAsString() + "\n" + o.get("descriptor");
    }

    private Plan plan(JsonObject o) throws InvalidInputException, IOException {
        String key = planKey(o);
        synchronized (plans) {
            Plan cached = plans.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Plan plan = new Planner(new ProviderResolver(providers)).plan(new DescriptorParser()
                .parse(Path.of(o.get("file").getAsString()), o.getAsJsonObject("descriptor")));
        synchronized (plans) {
            plans.put(key, plan);
        }
        return plan;
    }
}

package org.workbench.engine.run;

import org.workbench.engine.output.PlotRenderer;

import org.workbench.engine.output.Beside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Plot;
import org.workbench.api.Task;
import org.workbench.engine.catalog.ProviderSource;

/**
 * Runs one sweep point in this JVM: creates the task and its components, runs it, renders the
 * plots it drew into the point's folder. The same code runs a point on the coordinator and on a
 * cluster member, so a point gives the same numbers wherever it runs.
 */
final class PointRun {
    private final PlotRenderer renderer;
    private final ProgressFactory progress;
    private final ProviderSource live;

    PointRun(PlotRenderer renderer, ProgressFactory progress, ProviderSource live) {
        this.renderer = renderer;
        this.progress = progress;
        this.live = live;
    }

    /**
     * @param folder   where the point's artifacts go
     * @param relative that folder relative to the result folder ("" or "points/3/")
     * @param fanOut   how the task's fan-outs run
     * @param checkpoints where the point's checkpoints are recorded for a resume
     */
    PointOutcome run(Plan plan, PlanPoint point, Path folder, String relative, FanOut fanOut, Checkpoints checkpoints)
            throws RunFailure, IOException {
        long t0 = System.nanoTime();
        PointComponents components = new PointComponents(plan, point, folder, relative);
        HotSwapper swapper = new HotSwapper(plan, point, live, components);
        swapper.resume(checkpoints.resumedVersions(), checkpoints.resumedSwaps());
        PointContext context = new PointContext(point, components, folder, relative, progress, swapper, fanOut,
                checkpoints);
        Task task = createTask(plan, point, context);
        try {
            task.run(context);
        } catch (ComponentFailure | org.workbench.api.InvalidParameterException e) {
            throw e;
        } catch (InterruptedException | RunCancelled e) {
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted", e);
        } catch (java.util.concurrent.CancellationException e) {
            // a component's own check of the run's interrupted thread (the samplers'), or a failure of its own
            throw Thread.currentThread().isInterrupted() ? new RunFailure("interrupted", e) : failed(plan, point, e);
        } catch (ArithmeticException e) {
            throw new RunFailure(plan.task().label() + (point.set().isEmpty() ? "" : " at " + point.set()) + ": "
                    + e.getMessage(), null);
        } catch (Exception e) {
            throw failed(plan, point, e);
        }
        PhaseTiming.mark("task done" + (point.set().isEmpty() ? "" : " at " + point.set()));
        String nonFinite = NonFiniteResults.first(context.results());
        if (nonFinite != null) {
            throw new RunFailure(plan.task().label() + (point.set().isEmpty() ? "" : " at " + point.set())
                    + " produced a non-finite result: " + nonFinite + "; the computation broke down (an overflow "
                    + "or a division by zero), so nothing is published", null);
        }
        List<String> artifacts = new ArrayList<>(context.artifacts());
        // a large sweep draws no plots of its own points (docs/sweeps-and-plots.md, "Large sweeps")
        SafePlots.Drawn drawn = plan.descriptor().pointPlots(plan.points().size())
                ? renderAll(PointTitles.of(plan, point, context.plots()), folder)
                : new SafePlots.Drawn(List.of(), List.of());
        for (String file : drawn.files()) {
            artifacts.add(relative + file);
        }
        List<DrawnPlot> plots = drawn.plots().stream().map(d -> d.under(relative)).toList();
        PhaseTiming.mark("plots rendered" + (point.set().isEmpty() ? "" : " at " + point.set()));
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put(Planner.TASK, context.seed());
        seeds.putAll(components.seeds());
        return new PointOutcome(point, context.results(), artifacts, seeds, context.swaps(),
                (System.nanoTime() - t0) / 1_000_000, components.inputs(), drawn.issues(), plots);
    }

    private static RunFailure failed(Plan plan, PlanPoint point, Exception e) {
        return new RunFailure(plan.task().label() + " failed" + (point.set().isEmpty() ? "" : " at " + point.set()) + ": " + e, e);
    }

    static Task createTask(Plan plan, PlanPoint point, PointContext context) {
        try {
            return plan.taskProvider().create(point.taskParameters(), context);
        } catch (RuntimeException e) {
            throw new ComponentFailure(Planner.TASK, plan.task().label() + " (bundle " + plan.task().bundle()
                    + ") failed to create its task: " + org.workbench.engine.input.PluginFault.reason(e), e);
        }
    }

    /**
     * Renders the plots concurrently (they are independent), each beside this thread on a thread of
     * the run's group and each on that one thread ({@link PlotRenderer#renderHere}) when there are
     * several, all awaited even when the run is cancelled; returns their files in plot
     * order and what they could not show. A plot that cannot be drawn costs nothing but itself
     * ({@link SafePlots}).
     */
    private SafePlots.Drawn renderAll(List<Plot> plots, Path folder) throws IOException {
        if (plots.isEmpty()) {
            return new SafePlots.Drawn(List.of(), List.of());
        }
        Files.createDirectories(folder);
        // one plot alone may write its formats on threads of their own; several are drawn each on one
        PlotRenderer each = plots.size() == 1 ? renderer : renderer::renderHere;
        List<Beside<SafePlots.Drawn>> pending = new ArrayList<>();
        for (Plot plot : plots.subList(1, plots.size())) {
            pending.add(Beside.start("workbench-plot", () -> SafePlots.draw(each, plot, folder)));
        }
        List<SafePlots.Drawn> parts = new ArrayList<>();
        try {
            parts.add(SafePlots.draw(each, plots.get(0), folder));
        } finally {
            pending.forEach(Beside::await);
        }
        for (Beside<SafePlots.Drawn> p : pending) {
            parts.add(p.result());
        }
        return SafePlots.Drawn.merge(parts);
    }
}

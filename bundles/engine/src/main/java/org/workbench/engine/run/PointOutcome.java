package org.workbench.engine.run;

import java.util.List;
import java.util.Map;

import org.workbench.api.ResultTree;
import org.workbench.engine.output.JsonText;
import org.workbench.engine.output.JsonTrees;
import org.workbench.engine.output.JsonValues;

import com.google.gson.JsonParser;

/**
 * What one sweep point produced. Its results are kept as their compact JSON text (what the point's
 * record holds), packed ({@link PackedJson}: the numbers as a {@code long[]}, the keys shared by
 * every point), and made into a tree each time they are read: a sweep of 100,000 points keeps
 * 100,000 arrays of numbers, not 100,000 trees of maps and boxed numbers (6 KB a point) nor their
 * text (1.3 KB a point for problem 1).
 *
 * @param point       the point
 * @param packed      the task's results, as packed compact JSON
 * @param artifacts   files written for it, relative to the result folder
 * @param seeds       the seed of the task and of every component created, by label
 * @param swaps       components swapped for newer versions during the run
 * @param durationMs  its wall time
 * @param inputs      the files its components read and the tables they generated, in order
 * @param plotIssues  what its plots could not show: points left out, plots not drawn
 * @param plots       the plots drawn for it, with their titles and files (relative to the result folder)
 */
public record PointOutcome(PlanPoint point, PackedJson packed, List<String> artifacts, Map<String, Long> seeds,
        List<Swap> swaps, long durationMs, List<InputRecord> inputs, List<PlotIssue> plotIssues, List<DrawnPlot> plots) {
    public PointOutcome {
        plotIssues = List.copyOf(plotIssues);
        plots = List.copyOf(plots);
        artifacts = List.copyOf(artifacts);
        swaps = List.copyOf(swaps);
        inputs = List.copyOf(inputs);
        seeds = SeedTable.of(seeds);
    }

    /** An outcome of the results whose compact JSON is {@code resultsJson}. */
    public PointOutcome(PlanPoint point, String resultsJson, List<String> artifacts, Map<String, Long> seeds,
            List<Swap> swaps, long durationMs, List<InputRecord> inputs, List<PlotIssue> plotIssues, List<DrawnPlot> plots) {
        this(point, PackedJson.of(resultsJson), artifacts, seeds, swaps, durationMs, inputs, plotIssues, plots);
    }

    /** An outcome of the results {@code results}, kept as their JSON. */
    public PointOutcome(PlanPoint point, ResultTree results, List<String> artifacts, Map<String, Long> seeds,
            List<Swap> swaps, long durationMs, List<InputRecord> inputs, List<PlotIssue> plotIssues, List<DrawnPlot> plots) {
        this(point, JsonText.compact(JsonValues.tree(results)), artifacts, seeds, swaps, durationMs, inputs, plotIssues, plots);
    }

    /** An outcome that drew no plots. */
    public PointOutcome(PlanPoint point, ResultTree results, List<String> artifacts, Map<String, Long> seeds,
            List<Swap> swaps, long durationMs, List<InputRecord> inputs, List<PlotIssue> plotIssues) {
        this(point, results, artifacts, seeds, swaps, durationMs, inputs, plotIssues, List.of());
    }

    /** The task's results as compact JSON text. */
    public String resultsJson() {
        return packed.json();
    }

    /** The task's results, as a tree made afresh from their JSON (the same values at every call). */
    public ResultTree results() {
        return JsonTrees.tree(JsonParser.parseString(resultsJson()).getAsJsonObject());
    }
}

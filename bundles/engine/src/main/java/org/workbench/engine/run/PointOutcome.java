package org.workbench.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.ResultTree;

/**
 * What one sweep point produced.
 *
 * @param point      the point
 * @param results    the task's results
 * @param artifacts  files written for it, relative to the result folder
 * @param seeds      the seed of the task and of every component created, by label
 * @param swaps      components swapped for newer versions during the run
 * @param durationMs its wall time
 * @param inputs     the files its components read and the tables they generated, in order
 * @param plotIssues what its plots could not show: points left out, plots not drawn
 */
public record PointOutcome(PlanPoint point, ResultTree results, List<String> artifacts, Map<String, Long> seeds,
        List<Swap> swaps, long durationMs, List<InputRecord> inputs, List<PlotIssue> plotIssues) {
    public PointOutcome {
        plotIssues = List.copyOf(plotIssues);
        artifacts = List.copyOf(artifacts);
        swaps = List.copyOf(swaps);
        inputs = List.copyOf(inputs);
        seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
    }
}

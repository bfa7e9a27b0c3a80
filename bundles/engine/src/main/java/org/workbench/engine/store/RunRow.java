package org.workbench.engine.store;

import java.util.List;
import java.util.Map;

/**
 * One row of a query's answer: a run, or one point of a sweep.
 *
 * @param point  0 for a run without a sweep, i for the i-th point of a sweep
 * @param label  a sweep point's settings ({@code prior.scale=0.5}), else {@code null}
 * @param values the asked-for columns' values (a {@link Double} or a {@link String}), absent when the run has none
 */
public record RunRow(String experiment, String runId, int point, String label, String status, String task, String title,
        String startedAt, Double durationMs, boolean homework, String overrides, List<String> tags, String notes,
        String folder, Map<String, Object> values) {
}

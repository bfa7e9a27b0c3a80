package org.workbench.api.result;

import java.util.List;
import java.util.Map;

/**
 * What a {@code result.json} says about its run as a whole, read from its top-level keys and its
 * provenance (the rest, the task's results, is the task's own tree, shown through its {@link ResultLayout}).
 *
 * @param name       the experiment's name
 * @param title      its title ("" when it has none)
 * @param task       the task's name
 * @param status     {@code ok} or {@code partial}
 * @param seed       the run's seed
 * @param points     the number of sweep points, 0 for a run without a sweep
 * @param artifacts  the files the run wrote beside {@code result.json}
 * @param startedAt  when it started (ISO-8601), "" when not recorded
 * @param durationMs how long it took
 * @param layout     how its task declares its results are shown
 */
public record RunSummary(String name, String title, String task, String status, long seed, int points,
        List<String> artifacts, String startedAt, long durationMs, ResultLayout layout) {
    public RunSummary {
        artifacts = List.copyOf(artifacts);
    }

    /** Whether the run swept a parameter (its results are per point). */
    public boolean swept() {
        return points > 0;
    }

    /**
     * The summary of a whole {@code result.json} document read as maps and lists.
     *
     * @throws IllegalArgumentException naming the JSON path of a missing or mistyped key
     */
    public static RunSummary of(Map<String, ?> document) {
        String where = "$";
        Map<String, ?> provenance = document.get("provenance") instanceof Map<?, ?> p
                ? JsonRead.object(p, where + ".provenance") : Map.of();
        List<String> artifacts = document.get("artifacts") instanceof List<?> a
                ? a.stream().map(String::valueOf).toList() : List.of();
        int points = document.get("points") instanceof List<?> l ? l.size() : 0;
        return new RunSummary(JsonRead.string(document, "name", where), JsonRead.optionalString(document, "title", ""),
                JsonRead.string(document, "task", where), JsonRead.string(document, "status", where),
                JsonRead.longValue(document, "seed", 0), points, artifacts,
                JsonRead.optionalString(provenance, "startedAt", ""), JsonRead.longValue(provenance, "durationMs", 0),
                ResultLayout.of(document));
    }
}

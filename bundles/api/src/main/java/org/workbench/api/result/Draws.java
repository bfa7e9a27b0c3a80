package org.workbench.api.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file of kept Markov chain draws among a run's artifacts, which a reader shows as trace and rank
 * plots per coordinate. The file is JSON: {@code {"thin": k, "chains": C, "coordinates": p, "draws":
 * [chain][coordinate][draw]}} (a draw that is not a number is {@code null}).
 *
 * @param file       the artifact's file name ({@code draws.json})
 * @param coordinate the name of the sampled vector; coordinate j (from 0) is called {@code coordinate}
 *                   followed by j + 1 ({@code w1}, {@code w2}, ...)
 * @param statistics per-coordinate summaries: each a key under {@code results} of a vector with one
 *                   entry per coordinate ({@code diagnostics.rhat}), shown in a table beside the plots
 */
public record Draws(String file, String coordinate, List<Series> statistics) {
    public Draws {
        Objects.requireNonNull(coordinate, "coordinate");
        if (file == null || !file.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("draws file '" + file + "' must be a file name of letters, digits, '.', '_' or '-'");
        }
        statistics = List.copyOf(statistics);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("coordinate", coordinate);
        m.put("statistics", statistics.stream().map(Series::toJson).toList());
        return m;
    }

    static Draws fromJson(Map<String, ?> m, String where) {
        return new Draws(JsonRead.string(m, "file", where), JsonRead.optionalString(m, "coordinate", "x"),
                JsonRead.list(m, "statistics", where, Series::fromJson));
    }
}

package org.workbench.api.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chart of curves read from a list of objects in a run's results: one point per object, x from its
 * field {@link #x()}, one curve per {@link Series} from the series' field. Training's loss panel is
 * {@code epochs} against {@code epoch} with the series {@code trainLoss} and {@code testLoss}.
 *
 * @param id     a name unique among the layout's charts, lower case ({@code loss})
 * @param title  the chart's title ("Loss")
 * @param list   the dotted key under {@code results} of the list of objects ({@code epochs})
 * @param x      the field of each object that is the x value ({@code epoch})
 * @param xLabel the x axis's label ("epoch")
 * @param yLabel the y axis's label ("cross-entropy loss"); "" for the series' common unit
 * @param series the curves, in the order they are drawn; a reader skips a series that has no number
 */
public record Chart(String id, String title, String list, String x, String xLabel, String yLabel, List<Series> series) {
    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        JsonRead.requireName(id, "chart");
        JsonRead.requireKey(list, "chart '" + id + "': list");
        JsonRead.requireKey(x, "chart '" + id + "': x");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + id + "' has no series");
        }
    }

    /** Whether the x values are steps counted in whole numbers (the field's name says so: epoch, step, iteration). */
    public boolean integerX() {
        return List.of("epoch", "step", "iteration", "round", "generation").contains(x);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("list", list);
        m.put("x", x);
        m.put("xLabel", xLabel);
        m.put("yLabel", yLabel);
        m.put("series", series.stream().map(Series::toJson).toList());
        return m;
    }

    static Chart fromJson(Map<String, ?> m, String where) {
        return new Chart(JsonRead.string(m, "id", where), JsonRead.optionalString(m, "title", ""),
                JsonRead.string(m, "list", where), JsonRead.string(m, "x", where),
                JsonRead.optionalString(m, "xLabel", ""), JsonRead.optionalString(m, "yLabel", ""),
                JsonRead.list(m, "series", where, Series::fromJson));
    }
}

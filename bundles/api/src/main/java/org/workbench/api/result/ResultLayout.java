package org.workbench.api.result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a task declares about how its results are shown: its charts, its tables and its kept draws.
 * Immutable. Written into {@code result.json} under {@link #KEY} when not {@link #isEmpty() empty};
 * readers get it back with {@link #fromJson(Map)}.
 *
 * <pre>{@code
 * ResultLayout.of(new Chart("loss", "Loss", "epochs", "epoch", "epoch", "loss",
 *         List.of(Series.of("trainLoss", "train loss").unit("nats"))))
 * }</pre>
 *
 * @param charts the charts, in page order
 * @param tables the tables, in page order
 * @param draws  the files of kept draws
 */
public record ResultLayout(List<Chart> charts, List<Table> tables, List<Draws> draws) {
    /** The key of {@code result.json} that holds the layout. */
    public static final String KEY = "layout";
    /** Nothing declared: readers show the results as keys and values. */
    public static final ResultLayout NONE = new ResultLayout(List.of(), List.of(), List.of());

    public ResultLayout {
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
        draws = List.copyOf(draws);
        unique(charts.stream().map(Chart::id).toList(), "chart");
        unique(tables.stream().map(Table::id).toList(), "table");
    }

    /** A layout of charts alone. */
    public static ResultLayout of(Chart... charts) {
        return new ResultLayout(List.of(charts), List.of(), List.of());
    }

    /** This layout with {@code table} added. */
    public ResultLayout with(Table table) {
        List<Table> more = new ArrayList<>(tables);
        more.add(table);
        return new ResultLayout(charts, more, draws);
    }

    /** This layout with {@code kept} added. */
    public ResultLayout with(Draws kept) {
        List<Draws> more = new ArrayList<>(draws);
        more.add(kept);
        return new ResultLayout(charts, tables, more);
    }

    public boolean isEmpty() {
        return charts.isEmpty() && tables.isEmpty() && draws.isEmpty();
    }

    /** The layout as a JSON tree of maps, lists, strings and numbers, keys in a fixed order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("charts", charts.stream().map(Chart::toJson).toList());
        m.put("tables", tables.stream().map(Table::toJson).toList());
        m.put("draws", draws.stream().map(Draws::toJson).toList());
        return m;
    }

    /**
     * The layout of a JSON tree as {@link #toJson()} writes it (the value under {@link #KEY}).
     *
     * @throws IllegalArgumentException naming the JSON path ({@code layout.charts[0].series}) of what is wrong
     */
    public static ResultLayout fromJson(Map<String, ?> json) {
        return new ResultLayout(JsonRead.list(json, "charts", KEY, Chart::fromJson),
                JsonRead.list(json, "tables", KEY, Table::fromJson), JsonRead.list(json, "draws", KEY, Draws::fromJson));
    }

    /** The layout a whole {@code result.json} document carries, {@link #NONE} when it has none. */
    public static ResultLayout of(Map<String, ?> document) {
        Object layout = document.get(KEY);
        return layout == null ? NONE : fromJson(JsonRead.object(layout, KEY));
    }

    private static void unique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two " + what + "s are called '" + id + "'");
            }
        }
    }
}

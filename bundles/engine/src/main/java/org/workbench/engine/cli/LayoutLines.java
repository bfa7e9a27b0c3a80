package org.workbench.engine.cli;

import java.util.ArrayList;
import java.util.List;

import org.workbench.api.result.Chart;
import org.workbench.api.result.Draws;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.Series;
import org.workbench.api.result.Table;

/** How {@code describe} prints a task's layout: one line per chart, table and file of kept draws. */
final class LayoutLines {
    private LayoutLines() {
    }

    static List<String> of(ResultLayout layout) {
        List<String> lines = new ArrayList<>();
        for (Chart c : layout.charts()) {
            lines.add("chart " + c.id() + ": " + labels(c.series()) + " against " + c.x() + " over results." + c.list());
        }
        for (Table t : layout.tables()) {
            lines.add("table " + t.id() + ": " + labels(t.columns())
                    + (t.overList() ? ", a row per object of results." + t.list() : ", one row"));
        }
        for (Draws d : layout.draws()) {
            lines.add("draws " + d.file() + " (per coordinate " + d.coordinate() + "1, " + d.coordinate() + "2, ...)"
                    + (d.statistics().isEmpty() ? "" : ": " + labels(d.statistics())));
        }
        return lines;
    }

    private static String labels(List<Series> series) {
        return String.join(", ", series.stream().map(s -> s.labelWithUnit() + " (" + s.key() + ")").toList());
    }
}

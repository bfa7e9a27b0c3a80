package org.workbench.api.testing;

import java.util.ArrayList;
import java.util.List;

import org.workbench.api.ResultTree;
import org.workbench.api.TaskProvider;
import org.workbench.api.result.Chart;
import org.workbench.api.result.Draws;
import org.workbench.api.result.ResultLayout;
import org.workbench.api.result.Series;
import org.workbench.api.result.Table;

/**
 * Checks a task's {@link TaskProvider#layout()} against results its task really wrote, so that what the
 * pages draw cannot name keys the task never writes: every chart's and table's list holds objects in at
 * least one of the runs given, with a number at the chart's x and at each series' key in some object;
 * every table column without a list, and every statistic of kept draws, is a key of some run.
 */
public final class DeclaredLayout {
    private DeclaredLayout() {
    }

    public static void assertMatch(TaskProvider provider, List<ResultTree> runs) {
        ResultLayout layout = provider.layout();
        if (layout.isEmpty()) {
            throw new AssertionError("the task declares no layout");
        }
        List<String> problems = new ArrayList<>();
        for (Chart c : layout.charts()) {
            List<ResultTree> rows = rows(runs, c.list());
            if (rows.isEmpty()) {
                problems.add("chart '" + c.id() + "': no run has a list of objects at '" + c.list() + "'");
                continue;
            }
            if (rows.stream().noneMatch(r -> r.get(c.x()) instanceof Number)) {
                problems.add("chart '" + c.id() + "': no object of '" + c.list() + "' has a number at x '" + c.x() + "'");
            }
            for (Series s : c.series()) {
                if (rows.stream().noneMatch(r -> r.get(s.key()) instanceof Number)) {
                    problems.add("chart '" + c.id() + "': no object of '" + c.list() + "' has a number at '" + s.key() + "'");
                }
            }
        }
        for (Table t : layout.tables()) {
            List<ResultTree> rows = t.overList() ? rows(runs, t.list()) : runs;
            if (rows.isEmpty()) {
                problems.add("table '" + t.id() + "': no run has a list of objects at '" + t.list() + "'");
            }
            for (Series s : t.columns()) {
                if (!rows.isEmpty() && rows.stream().noneMatch(r -> r.contains(s.key()))) {
                    problems.add("table '" + t.id() + "': no row has column '" + s.key() + "'");
                }
            }
        }
        for (Draws d : layout.draws()) {
            for (Series s : d.statistics()) {
                if (runs.stream().noneMatch(r -> r.contains(s.key()))) {
                    problems.add("draws '" + d.file() + "': no run has statistic '" + s.key() + "'");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the layout names what the task did not write: " + problems);
        }
    }

    private static List<ResultTree> rows(List<ResultTree> runs, String list) {
        List<ResultTree> rows = new ArrayList<>();
        for (ResultTree r : runs) {
            if (r.get(list) instanceof List<?> items) {
                items.stream().filter(ResultTree.class::isInstance).map(ResultTree.class::cast).forEach(rows::add);
            }
        }
        return rows;
    }
}

package org.workbench.engine.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.workbench.engine.store.QueryAnswer;
import org.workbench.engine.store.RunRow;

/** {@code runs}' answer as a table for people (JSON and CSV: {@link org.workbench.engine.store.RunsExport}). */
final class RunsFormats {
    private RunsFormats() {
    }

    static void table(QueryAnswer answer, List<String> columns, PrintStream out) {
        List<String> header = new ArrayList<>(List.of("RUN", "POINT", "STATUS", "STARTED", "TAGS"));
        header.addAll(columns);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (RunRow r : answer.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.experiment() + "/" + r.runId(),
                    r.label() == null ? "" : r.label(), nz(r.status()), started(r.startedAt()), String.join(",", r.tags())));
            columns.forEach(c -> cells.add(org.workbench.engine.store.RunsExport.value(r.values().get(c))));
            rows.add(cells);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], Math.min(60, row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = TextWrap.elide(row.get(i), widths[i]);
                line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        if (answer.rows().isEmpty()) {
            out.println("(no runs match)");
        }
    }

    private static String started(String iso) {
        return iso == null ? "" : iso.length() >= 19 ? iso.substring(0, 19).replace('T', ' ') : iso;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

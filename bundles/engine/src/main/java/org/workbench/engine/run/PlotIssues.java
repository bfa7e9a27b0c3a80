package org.workbench.engine.run;

import java.util.List;


import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code plotNotes} (points a plot left out, the plot drawn) and {@code plotFailures} (plots not
 * drawn, the results kept) of {@code result.json}, each only when there is one: entries
 * {@code {plot, series, point, note}} and {@code {plot, series, point, reason}}, {@code point} the
 * sweep point's index for a plot a task drew at a point of a sweep, {@code series} null when the
 * issue is the plot's as a whole. The descriptor's own plots come after the points' plots.
 */
final class PlotIssues {
    private PlotIssues() {
    }

    static void add(JsonObject doc, Plan plan, List<PointOutcome> outcomes, List<PlotIssue> sweepIssues) {
        JsonArray notes = new JsonArray();
        JsonArray failures = new JsonArray();
        for (PointOutcome o : outcomes) {
            for (PlotIssue i : o.plotIssues()) {
                (i.drawn() ? notes : failures).add(entry(i, plan.swept() ? o.point().index() : null));
            }
        }
        for (PlotIssue i : sweepIssues) {
            (i.drawn() ? notes : failures).add(entry(i, null));
        }
        if (!notes.isEmpty()) {
            doc.add("plotNotes", notes);
        }
        if (!failures.isEmpty()) {
            doc.add("plotFailures", failures);
        }
    }

    private static JsonObject entry(PlotIssue i, Integer point) {
        JsonObject o = new JsonObject();
        o.addProperty("plot", i.plot());
        o.addProperty("series", i.series());
        if (point != null) {
            o.addProperty("point", point);
        }
        o.addProperty(i.drawn() ? "note" : "reason", i.text());
        return o;
    }
}

package org.workbench.engine.run;

/**
 * Something a plot could not show: points left out of a logarithmic axis (the plot is drawn, with
 * a note), or the whole plot (not drawn, the run's results kept). Recorded in {@code result.json}
 * under {@code plotNotes} and {@code plotFailures}.
 *
 * @param plot   the plot's name
 * @param series the series concerned, or {@code null} when the issue is the plot's as a whole
 * @param drawn  whether the plot was drawn (a note) or not (a failure)
 * @param text   the note or the reason
 */
public record PlotIssue(String plot, String series, boolean drawn, String text) {
    static PlotIssue note(String plot, String series, String text) {
        return new PlotIssue(plot, series, true, text);
    }

    static PlotIssue failure(String plot, String series, String reason) {
        return new PlotIssue(plot, series, false, reason);
    }

    /** The line the console shows. */
    String describe() {
        String where = "plot '" + plot + "'" + (series == null ? "" : " (series '" + series + "')");
        return drawn ? where + ": " + text : where + " was not drawn: " + text + "; the run's results are kept";
    }
}

package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.workbench.api.Plot;
import org.workbench.engine.output.PlotRenderer;

/**
 * Draws plots so that none can cost a run: each plot first loses the points a logarithmic axis
 * cannot show ({@link LogAxes}, with a note in {@code result.json} and on the axis title), and a
 * plot that still cannot be drawn (the chart library refuses it, a renderer throws) is reported on
 * the console and recorded, its files removed, while the run's results stand.
 */
final class SafePlots {
    private SafePlots() {
    }

    /** The plots drawn (with their titles and files) and what the plots could not show. */
    record Drawn(List<DrawnPlot> plots, List<PlotIssue> issues) {
        static Drawn merge(List<Drawn> parts) {
            List<DrawnPlot> plots = new ArrayList<>();
            List<PlotIssue> issues = new ArrayList<>();
            for (Drawn d : parts) {
                plots.addAll(d.plots());
                issues.addAll(d.issues());
            }
            return new Drawn(plots, issues);
        }

        /** The files written, in plot order. */
        List<String> files() {
            return plots.stream().flatMap(p -> p.files().stream()).toList();
        }
    }

    /** Draws one plot; never throws but for a failure of the virtual machine itself. */
    static Drawn draw(PlotRenderer renderer, Plot plot, Path folder) {
        List<PlotIssue> issues = new ArrayList<>();
        Optional<Plot> drawable;
        try {
            LogAxes.Drawable prepared = LogAxes.of(plot);
            issues.addAll(prepared.notes());
            drawable = prepared.plot();
        } catch (RuntimeException e) {
            return failed(plot, folder, issues, reason(e));
        }
        if (drawable.isEmpty()) {
            return failed(plot, folder, issues, "no point is left to draw on its logarithmic axis");
        }
        try {
            List<String> files = renderer.render(drawable.get(), folder);
            return new Drawn(files == null || files.isEmpty() ? List.of()
                    : List.of(new DrawnPlot(plot.name(), drawable.get().title(), files)), issues);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            return failed(plot, folder, issues, reason(e));
        }
    }

    private static Drawn failed(Plot plot, Path folder, List<PlotIssue> issues, String reason) {
        for (String ext : List.of(".png", ".svg")) {
            try {
                Files.deleteIfExists(folder.resolve(plot.name() + ext));
            } catch (IOException ignored) {
                // a half-written file of a failed plot is not listed among the artifacts either way
            }
        }
        PlotIssue failure = PlotIssue.failure(plot.name(), seriesNamedIn(reason, plot), reason);
        issues.add(failure);
        System.err.println(failure.describe());
        return new Drawn(List.of(), issues);
    }

    /** The series a chart library's message names (XChart quotes it), if any. */
    private static String seriesNamedIn(String reason, Plot plot) {
        for (Plot.Series s : plot.series()) {
            if (reason.contains("'" + s.name() + "'") || reason.contains("\"" + s.name() + "\"")
                    || reason.contains("Series " + s.name() + " ") || reason.contains("series " + s.name() + " ")) {
                return s.name();
            }
        }
        return null;
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message.strip().replaceAll("!+$", "");
    }
}

package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.workbench.api.Plot;

/**
 * A plot as a logarithmic axis can show it: a point whose x (on a log x axis) or y (on a log y axis)
 * is zero or negative, or not finite, is left out, with a note per series and on the axis title
 * ("n (log scale; 0 left out)"). Task plots and the descriptor's plots both pass through here, and
 * the web pages' charts leave out the same points with the same words.
 */
final class LogAxes {
    private LogAxes() {
    }

    /** The plot to draw and the notes on what it leaves out; {@code plot} is empty when no point is left. */
    record Drawable(Optional<Plot> plot, List<PlotIssue> notes) {
    }

    static Drawable of(Plot plot) {
        if (!plot.logX() && !plot.logY()) {
            return new Drawable(Optional.of(plot), List.of());
        }
        List<PlotIssue> notes = new ArrayList<>();
        Plot.Builder b = Plot.builder(plot.name()).title(plot.title()).logX(plot.logX()).logY(plot.logY());
        Dropped xs = new Dropped();
        Dropped ys = new Dropped();
        int kept = 0;
        for (Plot.Series s : plot.series()) {
            double[] errors = plot.errors(s.name()).orElse(null);
            Dropped sx = new Dropped();
            Dropped sy = new Dropped();
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                boolean badX = plot.logX() && !(s.x()[i] > 0 && Double.isFinite(s.x()[i]));
                boolean badY = plot.logY() && !(s.y()[i] > 0 && Double.isFinite(s.y()[i]));
                if (badX) {
                    sx.add(s.x()[i]);
                } else if (badY) {
                    sy.add(s.y()[i]);
                } else {
                    keep.add(i);
                }
            }
            xs.addAll(sx);
            ys.addAll(sy);
            for (String note : List.of(sx.note("x"), sy.note("y"))) {
                if (!note.isEmpty()) {
                    notes.add(PlotIssue.note(plot.name(), s.name(), note));
                }
            }
            if (keep.isEmpty()) {
                continue;
            }
            double[] x = keep.stream().mapToDouble(i -> s.x()[i]).toArray();
            double[] y = keep.stream().mapToDouble(i -> s.y()[i]).toArray();
            b.series(new Plot.Series(s.name(), x, y, s.style()));
            if (errors != null) {
                b.errors(s.name(), keep.stream().mapToDouble(i -> errors[i]).toArray());
            }
            kept++;
        }
        b.xLabel(plot.xLabel() + xs.axisNote()).yLabel(plot.yLabel() + ys.axisNote());
        return new Drawable(kept == 0 ? Optional.empty() : Optional.of(b.build()), notes);
    }

    /** The values left out on one axis. */
    private static final class Dropped {
        private int count;
        private boolean allZero = true;

        void add(double v) {
            count++;
            allZero &= v == 0;
        }

        void addAll(Dropped other) {
            count += other.count;
            allZero &= other.allZero;
        }

        /** "1 point at x = 0 left out: the x axis is logarithmic", or "" when none was. */
        String note(String axis) {
            if (count == 0) {
                return "";
            }
            return count + (count == 1 ? " point" : " points") + (allZero ? " at " + axis + " = 0" : " with " + axis
                    + " ≤ 0 or not finite") + " left out: the " + axis + " axis is logarithmic";
        }

        /** What the axis title adds: " (log scale; 0 left out)", or "" when nothing was. */
        String axisNote() {
            return count == 0 ? "" : " (log scale; " + (allZero ? "0" : "values ≤ 0") + " left out)";
        }
    }
}

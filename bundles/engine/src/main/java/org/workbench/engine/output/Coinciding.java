package org.workbench.engine.output;

import java.util.List;

import org.workbench.api.Plot;

/**
 * Which curves of a plot lie on an earlier one (a MAP that equals a posterior mean at every n, two
 * predictive densities that agree): drawn as usual, the later curve would hide the earlier one
 * completely, and the legend would name a curve no one can see. Such a curve is drawn dashed
 * (then dotted, then dash-dotted for a third and fourth on the same place) with another marker, so
 * that the curves under it show through its gaps.
 */
final class Coinciding {
    /**
     * Two curves closer than this fraction of the plot's y span at every point lie on each other: about
     * 5 px of the plot's 330 px height, where two 2 px lines mostly cover each other.
     */
    static final double TOLERANCE = 0.015;

    private Coinciding() {
    }

    /**
     * For each series, how many earlier series with a line it lies on: the same x values and, at every
     * point, y values within {@link #TOLERANCE} of the span of all the plot's y values (of their
     * logarithms on a logarithmic y axis). Series drawn as markers alone count as 0 and are not compared.
     */
    static int[] depths(List<Plot.Series> series, boolean logY) {
        double[][] ys = new double[series.size()][];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ys.length; i++) {
            ys[i] = scaled(series.get(i).y(), logY);
            for (double v : ys[i]) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double tolerance = TOLERANCE * (hi > lo ? hi - lo : Math.max(Math.abs(hi), 1e-300));
        int[] depth = new int[series.size()];
        for (int i = 1; i < depth.length; i++) {
            if (!lined(series.get(i))) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (lined(series.get(j)) && sameX(series.get(i).x(), series.get(j).x()) && close(ys[i], ys[j], tolerance)) {
                    depth[i]++;
                }
            }
        }
        return depth;
    }

    private static boolean lined(Plot.Series s) {
        return s.style() != Plot.Style.MARKERS && s.x().length > 1;
    }

    private static double[] scaled(double[] y, boolean logY) {
        if (!logY) {
            return y;
        }
        double[] log = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            log[i] = y[i] > 0 ? Math.log10(y[i]) : Double.NaN;
        }
        return log;
    }

    private static boolean sameX(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        double span = Math.abs(a[a.length - 1] - a[0]);
        for (int k = 0; k < a.length; k++) {
            if (!(Math.abs(a[k] - b[k]) <= 1e-9 * span)) {
                return false;
            }
        }
        return true;
    }

    /** Within the tolerance wherever both are drawn, and undrawn (not finite) at the same points. */
    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int k = 0; k < a.length; k++) {
            boolean drawnA = Double.isFinite(a[k]);
            if (drawnA != Double.isFinite(b[k]) || (drawnA && Math.abs(a[k] - b[k]) > tolerance)) {
                return false;
            }
        }
        return true;
    }
}

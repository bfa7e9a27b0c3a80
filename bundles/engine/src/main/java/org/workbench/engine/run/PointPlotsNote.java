package org.workbench.engine.run;

import org.workbench.engine.descriptor.Descriptor;

/**
 * Why a sweep's points drew no plots of their own, for provenance and the run's log: a large sweep
 * draws only the sweep's plots (a hundred thousand points do not want two hundred thousand images,
 * and drawing them cost more than the points' own work), unless its descriptor asks.
 */
final class PointPlotsNote {
    private PointPlotsNote() {
    }

    static String of(Plan plan) {
        int points = plan.points().size();
        return plan.descriptor().effective().has("pointPlots")
                ? "not drawn: the descriptor says \"pointPlots\": false"
                : "not drawn: " + points + " points, more than " + Descriptor.POINT_PLOTS_LIMIT
                        + "; \"pointPlots\": true (or --set pointPlots=true) draws every point's own plots";
    }
}

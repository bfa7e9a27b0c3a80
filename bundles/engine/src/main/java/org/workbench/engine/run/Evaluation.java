package org.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.output.JsonValues;
import org.workbench.engine.output.PlotRenderer;

import com.google.gson.JsonObject;

/**
 * Runs a one-point plan here for its results only, outside any result folder: what
 * {@code ./workbench evaluate} does with a finished run's descriptor and its checkpoint. The task
 * works in a temporary folder that is removed afterwards; nothing is published.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** The results of the plan's first point. */
    public static JsonObject results(Plan plan, PlotRenderer renderer, ProviderSource live) throws RunFailure, IOException {
        return results(plan, 0, renderer, live);
    }

    /** The results of point {@code index} of the plan. */
    public static JsonObject results(Plan plan, int index, PlotRenderer renderer, ProviderSource live)
            throws RunFailure, IOException {
        Path work = Files.createTempDirectory("workbench-evaluate-");
        try {
            PointOutcome o = new PointRun(renderer, ProgressFactory.SILENT, live).run(plan, plan.points().get(index), work, "",
                    null, Checkpoints.NONE);
            return JsonValues.tree(o.results()).getAsJsonObject();
        } finally {
            SweepFolder.delete(work);
        }
    }
}

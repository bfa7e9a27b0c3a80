package org.workbench.engine.descriptor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * A parsed, structurally valid experiment descriptor (format 1). Parameters are still JSON here;
 * the planner checks them against the providers it resolves.
 *
 * @param file      the descriptor file
 * @param sha256    hash of the file's bytes
 * @param effective the JSON after command-line overrides
 * @param overrides the {@code --set} overrides applied, as written
 * @param name      the experiment's name (its result folder)
 * @param title     a human title
 * @param seed      the run's seed
 * @param task      the task component
 * @param roles     the components by role, in descriptor order
 * @param sweep     the sweep axes (empty without a sweep)
 * @param plots     plots over sweep points
 * @param hotSwap   whether long-running tasks may take newer optimizer/sampler versions between chunks
 * @param timeout   the descriptor's {@code timeout} for each run, or {@code null} for none
 * @param swaps     the hot swaps to replay, as an earlier run recorded them in its effective descriptor
 * @param notes     what the overrides changed beyond what they say (values dropped by a switch of provider)
 */
public record Descriptor(Path file, String sha256, JsonObject effective, List<String> overrides, String name,
        String title, long seed, ComponentSpec task, Map<String, RoleSpec> roles, List<SweepAxis> sweep,
        List<SweepPlotSpec> plots, boolean hotSwap, Duration timeout, List<SwapStep> swaps,
        List<String> notes) {

    /**
     * Whether the descriptor asks for its runs to be isolated ({@code "isolate": true}: each in a
     * child JVM, as {@code run --isolate} does); checked to be a boolean when parsed.
     */
    public boolean isolate() {
        com.google.gson.JsonElement isolate = effective.get("isolate");
        return isolate != null && isolate.isJsonPrimitive() && isolate.getAsJsonPrimitive().isBoolean()
                && isolate.getAsBoolean();
    }

    /**
     * The most points a sweep may have for its points' own plots to be drawn when the descriptor
     * does not say ({@code "pointPlots"}); the sweep's plots are drawn at any size.
     */
    public static final int POINT_PLOTS_LIMIT = 100;

    /**
     * Whether each point draws its own plots: the descriptor's {@code "pointPlots"} (checked to be
     * a boolean when parsed), else for a single run and a sweep of at most {@link #POINT_PLOTS_LIMIT}
     * points.
     *
     * @param points how many points the run has
     */
    public boolean pointPlots(int points) {
        com.google.gson.JsonElement p = effective.get("pointPlots");
        if (p != null && p.isJsonPrimitive() && p.getAsJsonPrimitive().isBoolean()) {
            return p.getAsBoolean();
        }
        return points <= POINT_PLOTS_LIMIT;
    }

    /** The folder that relative paths in the descriptor resolve against. */
    public Path baseDirectory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}

package org.workbench.engine.descriptor;

import java.util.List;

/**
 * A plot over the points of a sweep: one line per result key in {@code y}, against the sweep key {@code x}.
 *
 * @param name     file name stem
 * @param title    chart title
 * @param x        a sweep key, e.g. {@code data.n}
 * @param y        result keys, e.g. {@code predictive.variance}
 * @param logX     logarithmic x axis
 * @param logY     logarithmic y axis
 * @param jsonPath where the plot stands in the descriptor
 * @param xLabel   the x axis title, or null for a readable form of {@code x}
 * @param yLabel   the y axis title, or null for a readable form of the keys
 * @param labels   one legend label per key of {@code y}, or empty for readable forms of the keys
 */
public record SweepPlotSpec(String name, String title, String x, List<String> y, boolean logX, boolean logY,
        String jsonPath, String xLabel, String yLabel, List<String> labels) {
    public SweepPlotSpec {
        y = List.copyOf(y);
        labels = List.copyOf(labels);
    }

    public SweepPlotSpec(String name, String title, String x, List<String> y, boolean logX, boolean logY, String jsonPath) {
        this(name, title, x, y, logX, logY, jsonPath, null, null, List.of());
    }
}

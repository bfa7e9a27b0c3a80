package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Plot;
import org.workbench.api.result.PointLabel;
import org.workbench.engine.descriptor.SweepPlotSpec;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * The plots of a sweep point titled with the point's values as every reader names them
 * ({@link PointLabel}: "Test MSE — τ = 0.1", "Training loss — seed 181"), so that the PNGs of two
 * points are told apart without their folder's name. A run without a sweep keeps its titles.
 */
final class PointTitles {
    private static final Gson GSON = new Gson();

    private PointTitles() {
    }

    /** {@code plots} of {@code point}, each titled with the point's label when the point has sweep values. */
    static List<Plot> of(Plan plan, PlanPoint point, List<Plot> plots) {
        String label = label(plan.descriptor().plots(), point.set());
        if (label.isEmpty()) {
            return plots;
        }
        List<Plot> out = new ArrayList<>(plots.size());
        for (Plot p : plots) {
            out.add(titled(p, label));
        }
        return out;
    }

    /** The label of a point's sweep values, with the symbols the descriptor's plots give the swept paths. */
    static String label(List<SweepPlotSpec> descriptorPlots, Map<String, JsonElement> set) {
        if (set.isEmpty()) {
            return "";
        }
        List<Map<String, Object>> axes = new ArrayList<>();
        for (SweepPlotSpec s : descriptorPlots) {
            if (s.x() != null && s.xLabel() != null) {
                axes.add(Map.of("x", s.x(), "xLabel", s.xLabel()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        set.forEach((k, v) -> values.put(k, v == null || v.isJsonNull() ? null : GSON.fromJson(v, Object.class)));
        return PointLabel.of(values, PointLabel.symbols(axes));
    }

    /** The same plot with " — LABEL" after its title. */
    static Plot titled(Plot plot, String label) {
        String title = plot.title() == null || plot.title().isBlank() ? label : plot.title() + " — " + label;
        Plot.Builder b = Plot.builder(plot.name()).title(title).xLabel(plot.xLabel()).yLabel(plot.yLabel())
                .logX(plot.logX()).logY(plot.logY());
        for (Plot.Series s : plot.series()) {
            b.series(s);
            plot.errors(s.name()).ifPresent(e -> b.errors(s.name(), e));
        }
        return b.build();
    }
}

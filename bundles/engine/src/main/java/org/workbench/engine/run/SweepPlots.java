package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;

import org.workbench.api.Plot;
import org.workbench.engine.descriptor.SweepPlotSpec;

import com.google.gson.JsonElement;

/** Builds the descriptor's plots over sweep points: one series per result key against a sweep key. */
final class SweepPlots {
    private SweepPlots() {
    }

    static List<Plot> build(List<SweepPlotSpec> specs, List<PointOutcome> outcomes) {
        List<Plot> plots = new ArrayList<>();
        for (SweepPlotSpec spec : specs) {
            Plot.Builder b = Plot.builder(spec.name()).title(spec.title()).xLabel(spec.x())
                    .yLabel(String.join(", ", spec.y())).logX(spec.logX()).logY(spec.logY());
            int drawn = 0;
            for (String key : spec.y()) {
                List<double[]> xy = new ArrayList<>();
                for (PointOutcome o : outcomes) {
                    JsonElement x = o.point().set().get(spec.x());
                    Double y = o.results().number(key);
                    if (x != null && x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber() && y != null
                            && (!spec.logX() || x.getAsDouble() > 0) && (!spec.logY() || y > 0)) {
                        xy.add(new double[] {x.getAsDouble(), y});
                    }
                }
                if (xy.isEmpty()) {
                    continue;
                }
                xy.sort((a, c) -> Double.compare(a[0], c[0]));
                double[] xs = xy.stream().mapToDouble(p -> p[0]).toArray();
                double[] ys = xy.stream().mapToDouble(p -> p[1]).toArray();
                b.series(new Plot.Series(key, xs, ys, Plot.Style.LINE_AND_MARKERS));
                drawn++;
            }
            if (drawn > 0) {
                plots.add(b.build());
            }
        }
        return plots;
    }
}

package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;

import org.workbench.api.Plot;
import org.workbench.engine.descriptor.SweepPlotSpec;
import org.workbench.engine.output.ReadableNames;

import com.google.gson.JsonElement;

/** Builds the descriptor's plots over sweep points: one series per result key against a sweep key. */
final class SweepPlots {
    private SweepPlots() {
    }

    static List<Plot> build(List<SweepPlotSpec> specs, List<PointOutcome> outcomes) {
        List<Plot> plots = new ArrayList<>();
        for (SweepPlotSpec spec : specs) {
            Plot.Builder b = Plot.builder(spec.name()).title(spec.title())
                    .xLabel(spec.xLabel() != null ? spec.xLabel() : ReadableNames.of(spec.x()))
                    .yLabel(spec.yLabel() != null ? spec.yLabel() : spec.y().size() == 1 ? ReadableNames.of(spec.y().get(0))
                            : "value")
                    .logX(spec.logX()).logY(spec.logY());
            int drawn = 0;
            for (int k = 0; k < spec.y().size(); k++) {
                String key = spec.y().get(k);
                String label = spec.labels().isEmpty() ? ReadableNames.of(key) : spec.labels().get(k);
                String errorKey = key.endsWith(".mean") ? key.substring(0, key.length() - ".mean".length()) + ".stderr" : null;
                List<double[]> xy = new ArrayList<>();
                for (PointOutcome o : outcomes) {
                    JsonElement x = o.point().set().get(spec.x());
                    Double y = o.results().number(key);
                    if (x != null && x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber() && y != null
                            && (!spec.logX() || x.getAsDouble() > 0) && (!spec.logY() || y > 0)) {
                        Double se = errorKey == null ? null : o.results().number(errorKey);
                        xy.add(new double[] {x.getAsDouble(), y, se == null ? Double.NaN : se});
                    }
                }
                if (xy.isEmpty()) {
                    continue;
                }
                xy.sort((a, c) -> Double.compare(a[0], c[0]));
                double[] xs = xy.stream().mapToDouble(p -> p[0]).toArray();
                double[] ys = xy.stream().mapToDouble(p -> p[1]).toArray();
                b.series(new Plot.Series(label, xs, ys, Plot.Style.LINE_AND_MARKERS));
                double[] se = xy.stream().mapToDouble(p -> p[2]).toArray();
                if (java.util.Arrays.stream(se).noneMatch(Double::isNaN)) {
                    b.errors(label, se);
                }
                drawn++;
            }
            if (drawn > 0) {
                plots.add(b.build());
            }
        }
        return plots;
    }
}

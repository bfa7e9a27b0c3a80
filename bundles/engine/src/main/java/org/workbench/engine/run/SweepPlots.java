package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.workbench.api.Plot;
import org.workbench.api.ResultTree;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.SweepAxis;
import org.workbench.engine.descriptor.SweepPlotSpec;
import org.workbench.api.result.ReadableNames;

import com.google.gson.JsonElement;

/**
 * Builds the descriptor's plots over sweep points. When {@code x} is a sweep key: one series per
 * result key against it; when it is {@code results.KEY}: the same against that result of each point
 * (e.g. the MAP against the MLE). When {@code x} is {@code LIST.FIELD} of a list in every point's results
 * (such as {@code epochs.epoch}): one curve per point and y key ({@code LIST.OTHER}), e.g. every
 * seed's training curve.
 */
final class SweepPlots {
    private SweepPlots() {
    }

    /**
     * Whether {@code x} names a field of a list in the points' results rather than a sweep key: the
     * descriptor sweeps, and {@code x} is {@code LIST.FIELD} whose first part is neither a role,
     * {@code task} nor {@code seed}.
     */
    /** Prefix of an x that is a result key rather than a sweep key, e.g. {@code results.mle}. */
    static final String RESULT_PREFIX = "results.";

    /** Whether {@code x} names a result key ({@code results.KEY}): points are drawn at their result values. */
    static boolean isResultKey(String x, Descriptor d) {
        return !d.sweep().isEmpty() && x.startsWith(RESULT_PREFIX) && x.length() > RESULT_PREFIX.length();
    }

    static boolean isCurveKey(String x, Descriptor d) {
        int dot = x.indexOf('.');
        if (d.sweep().isEmpty() || dot <= 0 || dot == x.length() - 1 || x.indexOf('.', dot + 1) >= 0) {
            return false;
        }
        String head = x.substring(0, dot);
        return !head.equals(Planner.TASK) && !head.equals("seed") && !head.equals("results")
                && !d.roles().containsKey(head);
    }

    static List<Plot> build(List<SweepPlotSpec> specs, List<PointOutcome> outcomes) {
        return build(specs, outcomes, UnaryOperator.identity());
    }

    /** The plots, their titles passed through {@code titles} (which renames what did not run, {@link RunTitle}). */
    static List<Plot> build(List<SweepPlotSpec> specs, List<PointOutcome> outcomes, UnaryOperator<String> titles) {
        List<Plot> plots = new ArrayList<>();
        for (SweepPlotSpec spec : specs) {
            boolean acrossPoints = outcomes.isEmpty() || outcomes.get(0).point().set().containsKey(spec.x())
                    || spec.x().startsWith(RESULT_PREFIX);
            String xLabel = xLabel(spec, acrossPoints);
            if (acrossPoints && categorical(spec.x())) {
                xLabel = ProviderLabels.axisTitle(spec.xLabel() != null ? spec.xLabel() : ProviderLabels.role(spec.x()),
                        ProviderLabels.categories(spec.x(), outcomes));
            }
            Plot.Builder b = Plot.builder(spec.name()).title(titles.apply(spec.title())).xLabel(xLabel)
                    .yLabel(yLabel(spec, acrossPoints)).logX(spec.logX()).logY(spec.logY());
            int drawn = acrossPoints ? acrossPoints(spec, outcomes, b) : curvesPerPoint(spec, outcomes, b);
            if (drawn > 0) {
                plots.add(b.build());
            }
        }
        return plots;
    }

    /** The x axis title: the descriptor's {@code xLabel}, else the readable name of the sweep key, result or list field. */
    static String xLabel(SweepPlotSpec spec, boolean acrossPoints) {
        if (spec.xLabel() != null) {
            return spec.xLabel();
        }
        if (acrossPoints) {
            return spec.x().startsWith(RESULT_PREFIX) ? ReadableNames.of(spec.x()) : ReadableNames.ofSweepKey(spec.x());
        }
        return ReadableNames.of(spec.x().substring(spec.x().indexOf('.') + 1));
    }

    /** The y axis title: the descriptor's {@code yLabel}, else what the readable names of the y keys share. */
    static String yLabel(SweepPlotSpec spec, boolean acrossPoints) {
        if (spec.yLabel() != null) {
            return spec.yLabel();
        }
        if (acrossPoints) {
            return ReadableNames.common(spec.y());
        }
        String list = spec.x().substring(0, spec.x().indexOf('.') + 1);
        return ReadableNames.common(spec.y().stream().map(y -> y.startsWith(list) ? y.substring(list.length()) : y).toList());
    }

    /** The legend label of the series of y key {@code k}: the descriptor's {@code labels}, else its readable name. */
    static String seriesLabel(SweepPlotSpec spec, int k, String key) {
        return spec.labels().isEmpty() ? ReadableNames.of(key) : spec.labels().get(k);
    }

    /** Whether x is a sweep over providers, drawn on a categorical axis (1, 2, ... named in the axis title). */
    private static boolean categorical(String x) {
        return !x.startsWith(RESULT_PREFIX) && SweepAxis.isComponentKey(x);
    }

    /** One series per y key, and per provider when the sweep also chooses a provider that is not x. */
    private static int acrossPoints(SweepPlotSpec spec, List<PointOutcome> outcomes, Plot.Builder b) {
        int drawn = 0;
        List<JsonElement> categories = categorical(spec.x()) ? ProviderLabels.categories(spec.x(), outcomes) : List.of();
        for (Map.Entry<String, List<PointOutcome>> group : ProviderLabels.groups(spec.x(), outcomes).entrySet()) {
            drawn += acrossPoints(spec, group.getValue(), group.getKey(), categories, b);
        }
        return drawn;
    }

    private static int acrossPoints(SweepPlotSpec spec, List<PointOutcome> outcomes, String suffix,
            List<JsonElement> categories, Plot.Builder b) {
        int drawn = 0;
        for (int k = 0; k < spec.y().size(); k++) {
            String key = spec.y().get(k);
            String label = seriesLabel(spec, k, key) + (suffix.isEmpty() ? "" : ", " + suffix);
            // a mean with a standard error beside it gets error bars
            String errorKey = key.endsWith(".mean") ? key.substring(0, key.length() - ".mean".length()) + ".stderr" : null;
            List<double[]> xy = new ArrayList<>();
            for (PointOutcome o : outcomes) {
                Double x = categories.isEmpty() ? xValue(spec.x(), o)
                        : Double.valueOf(categories.indexOf(o.point().set().get(spec.x())) + 1);
                Double y = o.results().number(key);
                if (x != null && y != null) {
                    Double se = errorKey == null ? null : o.results().number(errorKey);
                    xy.add(new double[] {x, y, se == null ? Double.NaN : se});
                }
            }
            int added = add(b, label, xy);
            double[] se = xy.stream().mapToDouble(p -> p[2]).toArray();
            if (added > 0 && java.util.Arrays.stream(se).noneMatch(Double::isNaN)) {
                b.errors(label, se);
            }
            drawn += added;
        }
        return drawn;
    }

    private static Double xValue(String key, PointOutcome o) {
        if (key.startsWith(RESULT_PREFIX) && !o.point().set().containsKey(key)) {
            return o.results().number(key.substring(RESULT_PREFIX.length()));
        }
        JsonElement x = o.point().set().get(key);
        return x != null && x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber() ? x.getAsDouble() : null;
    }

    private static int curvesPerPoint(SweepPlotSpec spec, List<PointOutcome> outcomes, Plot.Builder b) {
        int dot = spec.x().indexOf('.');
        String list = spec.x().substring(0, dot);
        String xField = spec.x().substring(dot + 1);
        int drawn = 0;
        for (int k = 0; k < spec.y().size(); k++) {
            String key = spec.y().get(k);
            String yField = key.startsWith(list + ".") ? key.substring(list.length() + 1) : key;
            String yName = seriesLabel(spec, k, yField);
            for (PointOutcome o : outcomes) {
                if (!(o.results().get(list) instanceof List<?> items)) {
                    continue;
                }
                List<double[]> xy = new ArrayList<>();
                for (Object item : items) {
                    if (item instanceof ResultTree t && t.number(xField) != null && t.number(yField) != null) {
                        xy.add(new double[] {t.number(xField), t.number(yField)});
                    }
                }
                String name = (spec.y().size() > 1 ? yName + ", " : "") + label(o.point().set());
                drawn += add(b, name, xy);
            }
        }
        return drawn;
    }

    private static String label(Map<String, JsonElement> set) {
        return set.entrySet().stream().map(e -> SweepAxis.isComponentKey(e.getKey())
                ? ProviderLabels.role(e.getKey()) + " " + ProviderLabels.of(e.getValue())
                : ReadableNames.ofSweepKey(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static int add(Plot.Builder b, String name, List<double[]> xy) {
        if (xy.isEmpty()) {
            return 0;
        }
        xy.sort((a, c) -> Double.compare(a[0], c[0]));
        double[] xs = xy.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = xy.stream().mapToDouble(p -> p[1]).toArray();
        b.series(new Plot.Series(name, xs, ys, Plot.Style.LINE_AND_MARKERS));
        return 1;
    }
}

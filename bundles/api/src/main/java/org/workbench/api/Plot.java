package org.workbench.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A two-dimensional chart described as data; the engine renders it to PNG and SVG with its chart
 * library, so that tasks never depend on one. Immutable; build with {@link #builder(String)}.
 */
public final class Plot {
    /** How a series is drawn. */
    public enum Style {
        LINE, MARKERS, LINE_AND_MARKERS
    }

    /** One named curve. Arrays are copied. */
    public record Series(String name, double[] x, double[] y, Style style) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values, " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
            Objects.requireNonNull(style, "style");
        }
    }

    private final String name;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final List<Series> series;
    private final Map<String, double[]> errors;

    private Plot(Builder b) {
        this.name = b.name;
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.logX = b.logX;
        this.logY = b.logY;
        this.series = List.copyOf(b.series);
        this.errors = Map.copyOf(b.errors);
    }

    /** A plot whose files will be called {@code <name>.png} and {@code <name>.svg}. */
    public static Builder builder(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("plot name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    public boolean logX() {
        return logX;
    }

    public boolean logY() {
        return logY;
    }

    public List<Series> series() {
        return series;
    }

    /**
     * The error bar half-widths (for example one standard error) of the series of that name, one per
     * point, if it has them.
     *
     * @since 1.2
     */
    public Optional<double[]> errors(String seriesName) {
        double[] e = errors.get(seriesName);
        return e == null ? Optional.empty() : Optional.of(e.clone());
    }

    /** Collects the parts of a {@link Plot}. */
    public static final class Builder {
        private final String name;
        private String title = "";
        private String xLabel = "x";
        private String yLabel = "y";
        private boolean logX;
        private boolean logY;
        private final List<Series> series = new ArrayList<>();
        private final Map<String, double[]> errors = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
            this.title = name;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder xLabel(String value) {
            this.xLabel = value;
            return this;
        }

        public Builder yLabel(String value) {
            this.yLabel = value;
            return this;
        }

        public Builder logX(boolean value) {
            this.logX = value;
            return this;
        }

        public Builder logY(boolean value) {
            this.logY = value;
            return this;
        }

        public Builder line(String seriesName, double[] x, double[] y) {
            return series(new Series(seriesName, x, y, Style.LINE));
        }

        public Builder markers(String seriesName, double[] x, double[] y) {
            return series(new Series(seriesName, x, y, Style.MARKERS));
        }

        public Builder series(Series s) {
            series.add(s);
            return this;
        }

        /**
         * Error bars for the series {@code seriesName} (added before or after it): one half-width per
         * point, such as a standard error.
         *
         * @since 1.2
         */
        public Builder errors(String seriesName, double[] halfWidths) {
            errors.put(Objects.requireNonNull(seriesName, "seriesName"), halfWidths.clone());
            return this;
        }

        public Plot build() {
            for (Map.Entry<String, double[]> e : errors.entrySet()) {
                Series s = series.stream().filter(c -> c.name().equals(e.getKey())).findFirst().orElseThrow(
                        () -> new IllegalStateException("plot '" + name + "': error bars for a series it has not: '"
                                + e.getKey() + "'"));
                if (s.x().length != e.getValue().length) {
                    throw new IllegalStateException("plot '" + name + "': series '" + e.getKey() + "' has " + s.x().length
                            + " points and " + e.getValue().length + " error bars");
                }
            }
            if (series.isEmpty()) {
                throw new IllegalStateException("plot '" + name + "' has no series");
            }
            return new Plot(this);
        }
    }
}

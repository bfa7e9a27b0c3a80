package org.workbench.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    private Plot(Builder b) {
        this.name = b.name;
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.logX = b.logX;
        this.logY = b.logY;
        this.series = List.copyOf(b.series);
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

    /** Collects the parts of a {@link Plot}. */
    public static final class Builder {
        private final String name;
        private String title = "";
        private String xLabel = "x";
        private String yLabel = "y";
        private boolean logX;
        private boolean logY;
        private final List<Series> series = new ArrayList<>();

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

        public Plot build() {
            if (series.isEmpty()) {
                throw new IllegalStateException("plot '" + name + "' has no series");
            }
            return new Plot(this);
        }
    }
}

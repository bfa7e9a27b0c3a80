package org.workbench.engine.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.workbench.api.Plot;

/**
 * Renders plots with XChart as {@code <name>.svg} and {@code <name>.png}. The chart is laid out for
 * the width the pages show it at ({@value #WIDTH} x {@value #HEIGHT} px, the pages show it about
 * 520 px wide) with fonts of at least {@value #TICK_FONT} px there, and the PNG is drawn at twice
 * that density (1200 x 760 pixels) so that it stays sharp on high-density screens and when enlarged.
 */
public final class XChartRenderer implements PlotRenderer {
    static final int WIDTH = 600;
    static final int HEIGHT = 380;
    /** Pixel density of the PNG: 144 dpi is twice the 72 of the layout. */
    static final int PNG_DPI = 144;
    static final int TICK_FONT = 13;

    /**
     * Writes the PNG on this thread and the SVG beside it (each from its own chart object), on a
     * thread of the run's own group that is always awaited, so that nothing writes after the call.
     */
    @Override
    public List<String> render(Plot plot, Path folder) throws IOException {
        String png = plot.name() + ".png";
        String svg = plot.name() + ".svg";
        Beside<Void> vector = Beside.start("workbench-svg", () -> {
            writeSvg(chart(plot), folder.resolve(svg));
            return null;
        });
        try {
            PngFile.write(bitmap(chart(plot)), PNG_DPI, folder.resolve(png));
        } finally {
            vector.await();
        }
        vector.result();
        return List.of(png, svg);
    }

    /**
     * Writes the PNG, then the SVG, on this thread: for plots drawn each on a thread of its own
     * (a run's two plots on two cores), where a third and fourth thread for the SVGs only time-slice the
     * same cores (problem 1's two plots, ten interleaved runs of each at load 13-15: the plots phase 420
     * against 500 ms of CPU, docs/sweeps-and-plots.md).
     */
    @Override
    public List<String> renderHere(Plot plot, Path folder) throws IOException {
        String png = plot.name() + ".png";
        String svg = plot.name() + ".svg";
        PngFile.write(bitmap(chart(plot)), PNG_DPI, folder.resolve(png));
        writeSvg(chart(plot), folder.resolve(svg));
        return List.of(png, svg);
    }

    /**
     * Guards VectorGraphics2D's own SVG writer, used only for a chart that {@link SvgFile} cannot write:
     * its number formatting ({@code DataUtils.format}) shares static {@code DecimalFormat}s, which are not
     * thread safe, so two SVGs written at once (the plots of a run are drawn on several threads, the points
     * of a sweep too) could garble each other's coordinates. {@link SvgFile} keeps no shared state.
     */
    private static final Object SVG_WRITER = new Object();

    /** Writes {@code chart} as an SVG file ({@link #writeSvg(XYChart, OutputStream)}). */
    static void writeSvg(XYChart chart, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeSvg(chart, out);
        }
    }

    /**
     * Writes {@code chart} as an SVG to {@code out}: painted on VectorGraphics2D, as XChart's
     * {@code VectorGraphicsEncoder} does, and written by {@link SvgFile}; by VectorGraphics2D's own writer,
     * one SVG at a time in this JVM ({@link #SVG_WRITER}), when the drawing holds what {@link SvgFile}
     * does not write.
     */
    static void writeSvg(XYChart chart, OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        CommandSequence commands = g.getCommands();
        Optional<String> svg = SvgFile.of(commands, chart.getWidth(), chart.getHeight());
        if (svg.isPresent()) {
            SvgFile.write(svg.get(), out);
            return;
        }
        synchronized (SVG_WRITER) {
            new SVGProcessor()
                    .getDocument(commands, new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                    .writeTo(out);
        }
        out.flush();
    }

    /**
     * The chart painted at {@link #PNG_DPI} into an RGB image, as XChart's {@code BitmapEncoder} paints
     * it (which also writes it, with ImageIO's slower PNG writer: {@link PngFile}).
     */
    static java.awt.image.BufferedImage bitmap(XYChart chart) {
        double scale = PNG_DPI / 72.0;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage((int) (chart.getWidth() * scale),
                (int) (chart.getHeight() * scale), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            java.awt.geom.AffineTransform at = g.getTransform();
            at.scale(scale, scale);
            g.setTransform(at);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Okabe and Ito's colour-blind-safe palette (yellow last: it is faint on white). In a holder
     * class, so that creating a renderer (the engine does at activation, on the start's critical
     * path) does not initialise AWT: {@code java.awt.Color} loads the native graphics library.
     */
    private static final class Palette {
        static final Color[] COLORS = { new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
                new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442) };
        static final Marker[] MARKERS = { SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
                SeriesMarkers.TRIANGLE_UP };
    }

    private static final int LEGEND_PADDING = 18;
    private static final int LEGEND_LINE = 22;

    /**
     * How wide the legend is as one row: each entry's text in the legend's font, its line and the padding
     * around it (about 60 px, as XChart draws them, measured on a 5-seed legend).
     */
    static int legendRowWidth(Plot plot) {
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            java.awt.FontMetrics metrics = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, TICK_FONT));
            int width = LEGEND_PADDING;
            for (Plot.Series s : plot.series()) {
                width += metrics.stringWidth(s.name()) + LEGEND_LINE + 2 * LEGEND_PADDING + 2;
            }
            return width;
        } finally {
            g.dispose();
        }
    }

    /** At most this many legend entries too wide for one row go in a column under the plot rather than beside it. */
    static final int LEGEND_COLUMN_UNDER = 4;

    /** The width a legend row may take: the chart less its padding and the y axis's title and labels, where XChart starts the row. */
    static final int LEGEND_ROW_ROOM = WIDTH - 2 * 8 - 60;

    /**
     * The title's font: bold at {@value #TICK_FONT} + 1 px, smaller (down to 11 px) for a title that
     * would not fit the width otherwise (XChart draws a title on one line and cuts what overflows).
     */
    static Font titleFont(String title) {
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            for (int size = TICK_FONT + 1; size > 11; size--) {
                Font f = new Font(Font.SANS_SERIF, Font.BOLD, size);
                if (g.getFontMetrics(f).stringWidth(title == null ? "" : title) <= WIDTH - 24) {
                    return f;
                }
            }
            return new Font(Font.SANS_SERIF, Font.BOLD, 11);
        } finally {
            g.dispose();
        }
    }

    /** The series colours, in order. */
    static Color[] palette() {
        return Palette.COLORS.clone();
    }

    /**
     * The line of the series at {@code index}: solid for the first round of the palette's colours,
     * then dashed, dotted, dash-dotted, so that (colour, line) stays distinct for 32 series.
     */
    static BasicStroke line(int index) {
        int round = index / Palette.COLORS.length % 4;
        float[] dash = switch (round) {
            case 1 -> new float[] {7f, 4f};
            case 2 -> new float[] {2f, 3f};
            case 3 -> new float[] {8f, 3f, 2f, 3f};
            default -> null;
        };
        return dash == null ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, dash, 0f);
    }

    /** The marker of the series at {@code index}: one shape per round of the palette's colours. */
    static Marker marker(int index) {
        return Palette.MARKERS[index / Palette.COLORS.length % Palette.MARKERS.length];
    }

    /**
     * The line of a series that lies on {@code depth} earlier ones ({@link Coinciding}): dashed, then
     * dotted, then dash-dotted, so that the curves under it show through its gaps.
     */
    static BasicStroke overLine(int depth) {
        float[] dash = switch ((depth - 1) % 3) {
            case 0 -> new float[] {6f, 5f};
            case 1 -> new float[] {1.5f, 4f};
            default -> new float[] {8f, 4f, 1.5f, 4f};
        };
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** The marker of a series that lies on {@code depth} earlier ones: a diamond, then a triangle, which leave a circle's edge in sight. */
    static Marker overMarker(int depth) {
        return depth % 2 == 1 ? SeriesMarkers.DIAMOND : SeriesMarkers.TRIANGLE_UP;
    }

    static XYChart chart(Plot plot) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        XYStyler styler = chart.getStyler();
        styler.setChartTitleFont(titleFont(plot.title()));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, TICK_FONT + 1));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, TICK_FONT));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, TICK_FONT));
        styler.setChartPadding(8);
        styler.setLegendPadding(LEGEND_PADDING);
        styler.setLegendSeriesLineLength(LEGEND_LINE);
        styler.setMarkerSize(7);
        // one row under the plot while it fits the width (XChart does not wrap a legend); else a column,
        // under the plot while it has a few entries (the plot keeps the chart's width), beside it for more
        boolean row = legendRowWidth(plot) <= LEGEND_ROW_ROOM;
        boolean under = row || plot.series().size() <= LEGEND_COLUMN_UNDER;
        styler.setLegendPosition(under ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(row ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(200, 200, 200));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setSeriesColors(palette());
        styler.setXAxisLogarithmic(plot.logX());
        styler.setYAxisLogarithmic(plot.logY());
        styler.setErrorBarsColorSeriesColor(true);
        // log axes keep XChart's decade labels (a custom formatter would put linear ticks on them)
        if (!plot.logX()) {
            chart.setCustomXAxisTickLabelsFormatter(TickLabels::format);
            double[] bounds = NiceTicks.bounds(plot.series().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).toArray());
            if (bounds != null) {
                styler.setXAxisMin(bounds[0]);
                styler.setXAxisMax(bounds[1]);
            }
        }
        if (!plot.logY()) {
            chart.setCustomYAxisTickLabelsFormatter(TickLabels::format);
        }
        int[] over = Coinciding.depths(plot.series(), plot.logY());
        int index = 0;
        for (Plot.Series s : plot.series()) {
            double[] errors = plot.errors(s.name()).orElse(null);
            XYSeries series = errors == null ? chart.addSeries(s.name(), s.x(), s.y())
                    : chart.addSeries(s.name(), s.x(), s.y(), errors);
            series.setLineColor(Palette.COLORS[index % Palette.COLORS.length]);
            series.setMarkerColor(Palette.COLORS[index % Palette.COLORS.length]);
            switch (s.style()) {
                case LINE -> {
                    series.setMarker(SeriesMarkers.NONE);
                    series.setLineStyle(over[index] > 0 ? overLine(over[index]) : line(index));
                }
                case MARKERS -> {
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    series.setMarker(marker(index));
                }
                case LINE_AND_MARKERS -> {
                    series.setLineStyle(over[index] > 0 ? overLine(over[index]) : line(index));
                    series.setMarker(over[index] > 0 ? overMarker(over[index]) : marker(index));
                }
            }
            index++;
        }
        return chart;
    }
}

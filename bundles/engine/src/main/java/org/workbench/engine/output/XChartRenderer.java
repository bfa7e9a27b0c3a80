package org.workbench.engine.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.workbench.api.Plot;

/** Renders plots with XChart as {@code <name>.png} (1000 x 600) and {@code <name>.svg}. */
public final class XChartRenderer implements PlotRenderer {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    /**
     * Writes the PNG on this thread and the SVG beside it (each from its own chart object), on a
     * thread of the run's own group that is always awaited, so that nothing writes after the call.
     */
    @Override
    public List<String> render(Plot plot, Path folder) throws IOException {
        String png = plot.name() + ".png";
        String svg = plot.name() + ".svg";
        Beside<Void> vector = Beside.start("workbench-svg", () -> {
            VectorGraphicsEncoder.saveVectorGraphic(chart(plot), folder.resolve(svg).toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return null;
        });
        try {
            BitmapEncoder.saveBitmap(chart(plot), folder.resolve(png).toString(), BitmapEncoder.BitmapFormat.PNG);
        } finally {
            vector.await();
        }
        vector.result();
        return List.of(png, svg);
    }

    /**
     * Okabe and Ito's colour-blind-safe palette (yellow last: it is faint on white). In a holder
     * class, so that creating a renderer (the engine does at activation, on the start's critical
     * path) does not initialise AWT: {@code java.awt.Color} loads the native graphics library.
     */
    private static final class Palette {
        static final Color[] COLORS = { new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
                new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442) };
    }

    /** The series colours, in order. */
    static Color[] palette() {
        return Palette.COLORS.clone();
    }

    static XYChart chart(Plot plot) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
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
        for (Plot.Series s : plot.series()) {
            double[] errors = plot.errors(s.name()).orElse(null);
            XYSeries series = errors == null ? chart.addSeries(s.name(), s.x(), s.y())
                    : chart.addSeries(s.name(), s.x(), s.y(), errors);
            switch (s.style()) {
                case LINE -> {
                    series.setMarker(SeriesMarkers.NONE);
                    series.setLineStyle(new BasicStroke(2f));
                }
                case MARKERS -> series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                case LINE_AND_MARKERS -> series.setLineStyle(new BasicStroke(2f));
            }
        }
        return chart;
    }
}

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
import org.workbench.engine.run.PlotRenderer;

/** Renders plots with XChart as {@code <name>.png} (1000 x 600) and {@code <name>.svg}. */
public final class XChartRenderer implements PlotRenderer {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    @Override
    public List<String> render(Plot plot, Path folder) throws IOException {
        XYChart chart = chart(plot);
        String png = plot.name() + ".png";
        String svg = plot.name() + ".svg";
        BitmapEncoder.saveBitmap(chart, folder.resolve(png).toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, folder.resolve(svg).toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return List.of(png, svg);
    }

    static XYChart chart(Plot plot) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setXAxisLogarithmic(plot.logX());
        styler.setYAxisLogarithmic(plot.logY());
        for (Plot.Series s : plot.series()) {
            XYSeries series = chart.addSeries(s.name(), s.x(), s.y());
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

package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.workbench.api.Plot;

/** Curves that lie on earlier ones are found, and drawn so that the earlier ones stay in sight. */
class CoincidingTest {
    private static final double[] N = { 1, 2, 5, 10, 20, 50, 100 };
    private static final double[] MAP = { 0.7972, 1.2279, 1.1679, 1.4828, 1.6169, 1.4889, 1.3841 };
    private static final double[] MLE = { 1.5944, 1.8422, 1.4015, 1.6302, 1.6978, 1.5185, 1.3979 };

    private static Plot.Series line(String name, double[] x, double[] y) {
        return new Plot.Series(name, x, y, Plot.Style.LINE_AND_MARKERS);
    }

    @Test
    void aCurveEqualToAnEarlierOneLiesOnIt() {
        // problem 1.2c: the MAP of mu and the mean of x | D are one number at every n; the MLE is not
        assertArrayEquals(new int[] {0, 1, 0}, Coinciding.depths(List.of(line("MAP", N, MAP),
                line("predictive mean", N, MAP.clone()), line("MLE", N, MLE)), false));
    }

    @Test
    void theThirdOfThreeEqualCurvesLiesOnTwo() {
        assertArrayEquals(new int[] {0, 1, 2}, Coinciding.depths(List.of(line("a", N, MAP), line("b", N, MAP),
                line("c", N, MAP)), false));
    }

    @Test
    void closerThanTheToleranceOfTheSpanCounts() {
        double span = 1.8422 - 0.7972;
        double[] near = MAP.clone();
        double[] apart = MAP.clone();
        near[3] += 0.9 * Coinciding.TOLERANCE * span;
        apart[3] += 1.1 * Coinciding.TOLERANCE * span;
        assertArrayEquals(new int[] {0, 1, 0}, Coinciding.depths(List.of(line("MAP", N, MAP), line("near", N, near),
                line("MLE", N, MLE)), false));
        assertArrayEquals(new int[] {0, 0, 0}, Coinciding.depths(List.of(line("MAP", N, MAP), line("apart", N, apart),
                line("MLE", N, MLE)), false));
    }

    @Test
    void otherXValuesMarkersAloneAndUndrawnPointsAreNotTheSameCurve() {
        double[] shifted = N.clone();
        shifted[6] = 101;
        double[] gap = MAP.clone();
        gap[2] = Double.NaN;
        assertArrayEquals(new int[] {0, 0, 0, 0}, Coinciding.depths(List.of(line("MAP", N, MAP), line("shifted", shifted, MAP),
                new Plot.Series("markers", N, MAP, Plot.Style.MARKERS), line("gap", N, gap)), false));
    }

    @Test
    void onALogarithmicAxisTheLogarithmsAreCompared() {
        double[] small = { 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1 };
        double[] twice = small.clone();
        for (int i = 0; i < twice.length; i++) {
            twice[i] *= 2;
        }
        // on a linear axis the first points of both are within the tolerance of the span 0..2, yet not the last
        assertArrayEquals(new int[] {0, 0}, Coinciding.depths(List.of(line("a", N, small), line("b", N, twice)), false));
        assertArrayEquals(new int[] {0, 0}, Coinciding.depths(List.of(line("a", N, small), line("b", N, twice)), true));
        assertArrayEquals(new int[] {0, 1}, Coinciding.depths(List.of(line("a", N, small), line("b", N, small.clone())), true));
    }

    @Test
    void theCurveUnderneathShowsThroughTheGapsOfTheOneOnIt() {
        Plot plot = Plot.builder("map-vs-mean").title("MAP of μ and mean of x | D against n").xLabel("n").yLabel("estimate")
                .logX(true).series(line("MAP", N, MAP)).series(line("predictive mean E[x | D]", N, MAP.clone()))
                .series(line("MLE", N, MLE)).build();
        XYChart chart = XChartRenderer.chart(plot);
        assertNull(chart.getSeriesMap().get("MAP").getLineStyle().getDashArray(), "the first is drawn as usual");
        assertNotNull(chart.getSeriesMap().get("predictive mean E[x | D]").getLineStyle().getDashArray(), "the one on it is dashed");
        assertNull(chart.getSeriesMap().get("MLE").getLineStyle().getDashArray());
        // the first colour (MAP's blue) is seen inside the plot, not only in the legend: count its pixels above the legend
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        Color blue = XChartRenderer.palette()[0];
        int legendTop = image.getHeight() - 40;
        int seen = 0;
        for (int y = 0; y < legendTop; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == blue.getRGB()) {
                    seen++;
                }
            }
        }
        assertTrue(seen > 100, "MAP's blue shows through: " + seen + " pixels");
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }
}

package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.workbench.api.Plot;

class XChartRendererTest {
    @TempDir
    Path folder;

    static Plot sample() {
        double[] tau = { 0.01, 0.1, 1, 10 };
        return Plot.builder("mse").title("Mean test MSE").xLabel("prior scale τ").yLabel("test MSE").logX(true)
                .line("MAP", tau, new double[] { 0.31, 0.22, 0.2, 0.21 }).errors("MAP", new double[] { 0.01, 0.012, 0.01, 0.011 })
                .series(new Plot.Series("posterior mean", tau, new double[] { 0.3, 0.21, 0.19, 0.2 },
                        Plot.Style.LINE_AND_MARKERS)).build();
    }

    @Test
    void legendOutsideTheDataOkabeItoColoursErrorBarsAndShortTicks() throws Exception {
        XYChart chart = XChartRenderer.chart(sample());
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertEquals(XChartRenderer.palette()[0], chart.getStyler().getSeriesColors()[0]);
        assertTrue(chart.getSeriesMap().get("MAP").getExtraValues() != null, "MAP has error bars");
        assertEquals(null, chart.getSeriesMap().get("posterior mean").getExtraValues());
        List<String> files = new XChartRenderer().render(sample(), folder);
        assertEquals(List.of("mse.png", "mse.svg"), files);
        assertTrue(Files.size(folder.resolve("mse.png")) > 1000);
        Files.copy(folder.resolve("mse.png"), Path.of("target/xchart-sample.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Drawn on the calling thread alone (several plots at once, each on its own thread), a plot's files are those {@code render} writes. */
    @Test
    void aPlotDrawnOnTheCallingThreadAloneHasTheFilesOfOneDrawnBesideIt() throws Exception {
        Path beside = Files.createDirectories(folder.resolve("beside"));
        Path here = Files.createDirectories(folder.resolve("here"));
        XChartRenderer renderer = new XChartRenderer();
        assertEquals(renderer.render(sample(), beside), renderer.renderHere(sample(), here));
        for (String file : List.of("mse.png", "mse.svg")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(beside.resolve(file)), Files.readAllBytes(here.resolve(file))), file);
        }
    }

    /**
     * VectorGraphics2D formats an SVG's numbers with static, unsynchronised {@code DecimalFormat}s: plots
     * drawn at once on several threads (a run's plots, a sweep's points) must still each get the SVG
     * that one drawn alone gets. (A guard: the race did not show in two tries without the lock on this
     * 2-core machine, so this passes there too; the lock is {@code XChartRenderer.writeSvg}.)
     */
    @Test
    void svgsDrawnOnSeveralThreadsAtOnceAreThoseDrawnAlone() throws Exception {
        new XChartRenderer().render(sample(), folder);
        String alone = Files.readString(folder.resolve("mse.svg"));
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 1; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
                List<java.util.concurrent.Future<String>> svgs = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Path own = Files.createDirectories(folder.resolve(round + "-" + t));
                    svgs.add(pool.submit(() -> {
                        together.await();
                        new XChartRenderer().render(sample(), own);
                        return Files.readString(own.resolve("mse.svg"));
                    }));
                }
                for (java.util.concurrent.Future<String> svg : svgs) {
                    assertEquals(alone, svg.get(), "an SVG drawn beside others");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void errorBarsMustMatchTheirSeries() {
        Plot.Builder b = Plot.builder("p").line("a", new double[] { 1, 2 }, new double[] { 1, 2 }).errors("a", new double[] { 1 });
        assertEquals("plot 'p': series 'a' has 2 points and 1 error bars",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void aFewEntriesTooWideForOneRowMakeAColumnUnderThePlot() throws Exception {
        double[] x = { -1, 0, 1 };
        Plot plot = Plot.builder("predictive").title("Predictive densities").xLabel("x").yLabel("density")
                .line("x | D (posterior predictive)", x, new double[] { 0.2, 0.4, 0.2 })
                .line("x | μ_MLE = 1.518 (the maximum-likelihood estimate)", x, new double[] { 0.21, 0.41, 0.21 })
                .line("x | μ_MAP = 1.499 (the maximum a posteriori estimate)", x, new double[] { 0.22, 0.42, 0.22 })
                .build();
        assertTrue(XChartRenderer.legendRowWidth(plot) > XChartRenderer.LEGEND_ROW_ROOM, "the labels do not fit one row");
        XYChart chart = XChartRenderer.chart(plot);
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertEquals(org.knowm.xchart.style.Styler.LegendLayout.Vertical, chart.getStyler().getLegendLayout());
        new XChartRenderer().render(plot, folder);
        Files.copy(folder.resolve("predictive.png"), Path.of("target/xchart-column-under.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void moreThanEightSeriesGetDistinctColourAndLinePairs() {
        Plot.Builder b = Plot.builder("path").xLabel("τ").yLabel("w_MAP");
        double[] x = { 1, 2, 3 };
        for (int i = 1; i <= 12; i++) {
            b.line("w" + i, x, new double[] { i, i + 1, i + 2 });
        }
        b.series(new Plot.Series("τ_critical", new double[] { 2, 2 }, new double[] { 0, 12 }, Plot.Style.LINE));
        XYChart chart = XChartRenderer.chart(b.build());
        java.util.Set<String> looks = new java.util.HashSet<>();
        for (var s : chart.getSeriesMap().values()) {
            looks.add(s.getLineColor() + " " + java.util.Arrays.toString(s.getLineStyle().getDashArray()));
        }
        assertEquals(13, looks.size(), looks.toString());
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideE, chart.getStyler().getLegendPosition(),
                "13 entries do not fit one row under the plot: a column beside it");
        try {
            new XChartRenderer().render(b.build(), folder);
            Files.copy(folder.resolve("path.png"), Path.of("target/xchart-many.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(chart.getSeriesMap().get("w1").getLineColor(), chart.getSeriesMap().get("w9").getLineColor());
        assertTrue(chart.getSeriesMap().get("w9").getLineStyle().getDashArray() != null, "the second round is dashed");
    }

    @Test
    void fontsReadAtTheWidthThePagesShowThePlot() throws Exception {
        XYChart chart = XChartRenderer.chart(sample());
        double shown = 520.0 / chart.getWidth();
        assertTrue(chart.getStyler().getAxisTickLabelsFont().getSize() * shown >= 11, "tick labels");
        assertTrue(chart.getStyler().getLegendFont().getSize() * shown >= 11, "legend");
        assertTrue(chart.getStyler().getAxisTitleFont().getSize() * shown >= 11, "axis titles");
        new XChartRenderer().render(sample(), folder);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(folder.resolve("mse.png").toFile());
        assertEquals(2 * chart.getWidth(), png.getWidth(), "drawn at twice the density");
    }

    @Test
    void aLongTitleShrinksToFitTheWidth() {
        assertEquals(14, XChartRenderer.titleFont("Mean test MSE").getSize());
        assertTrue(XChartRenderer.titleFont("Mean test MSE over 200 replications: w_MAP and the posterior mean, again").getSize() < 14);
    }

    @Test
    void aLegendOfFiveSeedsIsNotCutAtTheRightEdge() throws Exception {
        double[] epoch = { 1, 2, 3 };
        Plot.Builder b = Plot.builder("seeds").title("Test accuracy after each epoch, one curve per seed").xLabel("epoch")
                .yLabel("test accuracy");
        for (int seed = 181; seed <= 185; seed++) {
            b.line("seed " + seed, epoch, new double[] { 0.7, 0.8, 0.84 + seed / 1e4 });
        }
        new XChartRenderer().render(b.build(), folder);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(folder.resolve("seeds.png").toFile());
        for (int x = png.getWidth() - 6; x < png.getWidth(); x++) {
            for (int y = 0; y < png.getHeight(); y++) {
                assertEquals(0xFFFFFF, png.getRGB(x, y) & 0xFFFFFF, "ink at the right edge (" + x + ", " + y
                        + "): the legend runs off the plot");
            }
        }
    }
}

package org.workbench.engine.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.workbench.api.Plot;

/**
 * Draws one chart of its own, as a PNG and an SVG written to nowhere, on a daemon thread started
 * when the engine creates its renderer. A short run's first plots otherwise pay, after its task is
 * done, for loading and interpreting the chart library's and the SVG writer's classes (the runtime's
 * class-data archive cannot hold a bundle's classes), for the fonts' glyphs at the sizes the charts
 * use, and for the quick JIT's compilation of the painting and writing loops: measured on problem 1,
 * most of the plots' 0.5 s of CPU. Drawn here, that work overlaps the run's planning and task on the
 * second core, which the main thread leaves idle then.
 *
 * <p>Started only when the system property {@value #PROPERTY} is {@code true} (as the runtime's
 * Java2D warm-up: {@code ./workbench} sets it for the light runs it starts on the quick JIT alone;
 * a long run's full JIT would compile this warm-up's loops in C2 too, for plots it does not wait
 * for), and at most once a JVM. Only an optimisation: any failure is ignored, and the run's own
 * plots report their own errors. Its SVG takes the renderer's SVG lock like any other.
 */
final class PlotWarmUp {
    /** The system property that asks for the warm-up; the runtime's Java2D warm-up reads the same. */
    static final String PROPERTY = "workbench.graphicsWarmUp";
    /** The thread's name. */
    static final String THREAD = "workbench-plot-warm-up";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private PlotWarmUp() {
    }

    /**
     * Starts the warm-up when {@value #PROPERTY} is {@code true} and it has not started yet in this JVM.
     *
     * @return its thread, or empty when it was not started
     */
    static Optional<Thread> startIfAsked() {
        if (!Boolean.getBoolean(PROPERTY) || !STARTED.compareAndSet(false, true)) {
            return Optional.empty();
        }
        Thread t = new Thread(PlotWarmUp::runQuietly, THREAD);
        t.setDaemon(true);
        t.start();
        return Optional.of(t);
    }

    private static void runQuietly() {
        try {
            run();
        } catch (IOException | RuntimeException | LinkageError e) {
            // a headless JVM without fonts or without java.desktop: the run's plots report their own errors
        }
    }

    /**
     * Draws {@link #sample()} through the renderer's own path (layout, painting at the PNG's density,
     * the PNG's filter and deflater, the SVG writer) into nothing.
     *
     * @return the bytes of the PNG and of the SVG that were written to nowhere
     */
    static long[] run() throws IOException {
        Counting png = new Counting();
        PngFile.write(XChartRenderer.bitmap(XChartRenderer.chart(sample())), XChartRenderer.PNG_DPI, png);
        Counting svg = new Counting();
        XChartRenderer.writeSvg(XChartRenderer.chart(sample()), svg);
        return new long[] {png.bytes, svg.bytes};
    }

    /**
     * A chart shaped as a run's usually are: two smooth curves of 200 points, a series of markers, a
     * legend, a title with a Greek letter, and the letters and digits of axis titles and ticks.
     */
    static Plot sample() {
        int n = 201;
        double[] x = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 4.0 * i / (n - 1);
            a[i] = Math.exp(-0.5 * Math.pow((x[i] - 1.2) / 0.3, 2));
            b[i] = Math.exp(-0.5 * Math.pow((x[i] - 1.0) / 0.6, 2)) / 2;
        }
        double[] xm = new double[21];
        double[] ym = new double[21];
        for (int i = 0; i < xm.length; i++) {
            xm[i] = x[10 * i];
            ym[i] = a[10 * i];
        }
        return Plot.builder("warm-up").title("Posterior density of μ given D, x | μ_MAP (0123456789)")
                .xLabel("μ, prior scale τ, epoch").yLabel("density, test MSE, accuracy")
                .line("closed form N(μ | 1.2, 0.09)", x, a).line("predictive x | D", x, b)
                .markers("quadrature, Gibbs sampler, MLE", xm, ym).build();
    }

    /** Counts what is written to it, and keeps none of it. */
    private static final class Counting extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}

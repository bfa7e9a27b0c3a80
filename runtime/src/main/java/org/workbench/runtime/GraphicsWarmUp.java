package org.workbench.runtime;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Readies the JDK's 2-D graphics on a daemon thread while the framework starts on the main one:
 * a run's first plot otherwise pays, on the command's critical path, for loading Java2D and its
 * native loops, reading the font configuration and the first font file, and running the
 * antialiasing rasteriser in the interpreter. These are JVM-wide (the system bundle exports {@code java.awt} and
 * {@code javax.imageio} from this class loader), so the plot bundle's first chart finds them
 * ready. Only an optimisation: any failure is ignored, and the chart renderer does the same work
 * itself.
 *
 * <p>Started only when the system property {@value #PROPERTY} is {@code true}: {@code ./workbench}
 * sets it for the light runs that it starts on the quick JIT alone. With the full JIT, C2 compiles
 * this warm-up's loops too, which took the compiler from problem 4's kernels in its first epoch
 * (measured: about 1 s more CPU), for plots that a long run does not wait for.
 */
final class GraphicsWarmUp {
    /** The system property that asks for the warm-up. */
    static final String PROPERTY = "workbench.graphicsWarmUp";
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    private GraphicsWarmUp() {
    }

    /** Starts the warm-up, for a short run that plots. */
    static void start() {
        Thread t = new Thread(GraphicsWarmUp::run, "workbench-graphics-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The blit with which the engine's PNG writer ({@code PngFile}) turns a chart's pixels into PNG's
     * bytes: the image's words read as blue-green-red, drawn into a three-byte image. Its first use
     * looks the native loop up and loads the colour model's classes. It must ready the same conversion
     * as {@code org.workbench.engine.output.PngFile#rgbBytes} (the runtime cannot call the engine's class), so a
     * change to either needs the same change to the other.
     *
     * @return the red, green, blue bytes of the image's top left 16 x 16 pixels
     */
    static byte[] pngBytes(BufferedImage image) {
        WritableRaster words = Raster.createPackedRaster(image.getRaster().getDataBuffer(), 16, 16, image.getWidth(),
                new int[] {0xff, 0xff00, 0xff0000}, null);
        BufferedImage swapped = new BufferedImage(new DirectColorModel(24, 0xff, 0xff00, 0xff0000), words, false, null);
        BufferedImage bytes = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bytes.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(swapped, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferByte) bytes.getRaster().getDataBuffer()).getData();
    }

    private static void run() {
        try {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, WIDTH, HEIGHT);
                g.setColor(new Color(0x0072B2));
                g.setStroke(new BasicStroke(2f));
                Path2D.Double curve = new Path2D.Double();
                curve.moveTo(50, HEIGHT / 2.0);
                for (int x = 51; x < WIDTH - 50; x++) {
                    curve.lineTo(x, HEIGHT / 2.0 - 200 * Math.exp(-Math.pow((x - WIDTH / 2.0) / 120.0, 2)));
                }
                g.draw(curve);
                g.setColor(Color.DARK_GRAY);
                // text as XChart draws all of its text: a layout's outline, filled (never drawString)
                for (int size : new int[] {10, 12, 14, 16}) {
                    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size);
                    g.setFont(font);
                    g.fill(new TextLayout("Posterior density of μ 0.5 1.0 1.5 2.0, n = 20, variance", font, g.getFontRenderContext()).getOutline(null));
                }
            } finally {
                g.dispose();
            }
            pngBytes(image);
            // no ImageIO PNG writer: the plots are written by the engine's own (PngFile), not ImageIO's, whose
            // five filters a row cost this thread a quarter of its CPU time; no XML: the engine writes
            // its SVGs as text (SvgFile), not through a DOM and the JDK's XSLT serialiser
        } catch (RuntimeException | LinkageError e) {
            // a headless JVM without fonts or without java.desktop: the renderer reports its own errors
        }
        // with WORKBENCH_TIMING: whether this ended before the run's plots began ("task done")
        Timing.mark("graphics warmed up");
    }
}

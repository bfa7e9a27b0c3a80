package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.workbench.api.Plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;

/**
 * The plots' SVG writer draws what the chart paints: its SVG, drawn back with Java2D, is the chart
 * painted by Java2D directly, up to the rounding of its coordinates; it is a fraction of the size of
 * VectorGraphics2D's own; what it cannot write goes to VectorGraphics2D's writer.
 */
class SvgFileTest {
    static Plot density() {
        int n = 201;
        double[] x = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 4.0 * i / (n - 1);
            a[i] = Math.exp(-0.5 * Math.pow((x[i] - 1.4) / 0.22, 2)) / 0.55;
            b[i] = Math.exp(-0.5 * Math.pow((x[i] - 1.2) / 0.5, 2)) / 1.25;
        }
        double[] xm = new double[21];
        double[] ym = new double[21];
        for (int i = 0; i < xm.length; i++) {
            xm[i] = x[10 * i];
            ym[i] = a[10 * i];
        }
        return Plot.builder("posterior").title("Posterior density of μ given D").xLabel("μ").yLabel("density")
                .line("conjugate (closed form)", x, a).markers("quadrature", xm, ym).line("predictive", x, b)
                .series(new Plot.Series("dashed, with markers", xm, ym, Plot.Style.LINE_AND_MARKERS)).build();
    }

    static String svg(XYChart chart) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XChartRenderer.writeSvg(chart, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Both SVGs drawn back with Java2D by the same small reader: the same picture but for the rounding
     * of the coordinates (and the anti-aliasing of a series' segments drawn as one path, where they meet).
     */
    @Test
    void drawnBackItIsVectorGraphics2DsOwnSvgUpToItsRounding() throws Exception {
        for (Plot plot : new Plot[] {density(), XChartRendererTest.sample()}) {
            XYChart chart = XChartRenderer.chart(plot);
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(XChartRenderer.chart(plot), theirs, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String ours = svg(chart);
            assertTrue(ours.startsWith("<?xml") && ours.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), ours.substring(0, 200));
            BufferedImage reference = drawnBack(theirs.toString(StandardCharsets.UTF_8), chart);
            BufferedImage back = drawnBack(ours, chart);
            int differing = 0;
            int far = 0;
            int ink = 0;
            for (int y = 0; y < reference.getHeight(); y++) {
                for (int x = 0; x < reference.getWidth(); x++) {
                    int d = channelDifference(reference.getRGB(x, y), back.getRGB(x, y));
                    differing += d > 16 ? 1 : 0;
                    far += d > 96 ? 1 : 0;
                    ink += (reference.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
                }
            }
            assertTrue(ink > 2_000, plot.name() + ": " + ink + " pixels drawn");
            // the anti-aliased edges of the curves, where a series' segments meet: about 4% of the ink for
            // the density plot at the full width (its legend a column under the plot), 3% beside it
            assertTrue(differing < ink / 20, plot.name() + ": " + differing + " of " + ink + " drawn pixels differ by more than 16 levels");
            assertTrue(far < ink / 1000, plot.name() + ": " + far + " pixels differ by more than 96 levels");
        }
    }

    private static BufferedImage drawnBack(String svg, XYChart chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        new MiniSvg(g).draw(svg);
        g.dispose();
        return image;
    }

    @Test
    void aFractionOfVectorGraphics2DsSizeWithOnePathASeries() throws Exception {
        String ours = svg(XChartRenderer.chart(density()));
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(XChartRenderer.chart(density()), theirs, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        assertTrue(ours.length() < 0.5 * theirs.size(), ours.length() + " bytes against " + theirs.size());
        assertFalse(ours.contains("<line"), "segments are sub-paths of one path");
        assertFalse(Pattern.compile("\\d\\.\\d{3}").matcher(ours.replaceAll("matrix\\([^)]*\\)", "")).find(),
                "coordinates have at most two decimals");
    }

    @Test
    void numbersAreRoundedWithoutTrailingZerosOrANegativeZero() {
        String[][] cases = {{"270.39210440131103", "270.39"}, {"-0.001", "0"}, {"-6.5", "-6.5"}, {"3.0", "3"},
                {"0.0049", "0"}, {"0.005", "0.01"}, {"-10.640625", "-10.64"}, {"600", "600"}, {"1.999", "2"}};
        for (String[] c : cases) {
            StringBuilder s = new StringBuilder();
            SvgFile.number(s, Double.parseDouble(c[0]), 100);
            assertEquals(c[1], s.toString(), c[0]);
        }
        StringBuilder s = new StringBuilder();
        SvgFile.number(s, Math.cos(Math.PI / 3), 1_000_000);
        assertEquals("0.5", s.toString());
    }

    @Test
    void aGradientGoesToVectorGraphics2DsWriter() throws Exception {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setPaint(new GradientPaint(0, 0, Color.RED, 10, 10, Color.BLUE));
        g.fill(new Rectangle2D.Double(0, 0, 10, 10));
        assertTrue(SvgFile.of(g.getCommands(), 10, 10).isEmpty());
        VectorGraphics2D plain = new VectorGraphics2D();
        plain.setColor(Color.RED);
        plain.fill(new Rectangle2D.Double(0, 0, 10, 10));
        assertTrue(SvgFile.of(plain.getCommands(), 10, 10).orElseThrow().contains("<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\"/>"));
    }

    @Test
    void aClipSetBeforeARotationClipsWhereJava2DDoes() {
        VectorGraphics2D g = new VectorGraphics2D();
        BufferedImage direct = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D d = direct.createGraphics();
        d.setColor(Color.WHITE);
        d.fillRect(0, 0, 100, 100);
        for (Graphics2D target : new Graphics2D[] {g, d}) {
            target.setColor(Color.BLUE);
            target.clip(new Rectangle2D.Double(20, 20, 40, 40));
            target.rotate(Math.PI / 6, 50, 50);
            target.fill(new Rectangle2D.Double(10, 10, 80, 80));
        }
        d.dispose();
        BufferedImage back = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D b = back.createGraphics();
        b.setColor(Color.WHITE);
        b.fillRect(0, 0, 100, 100);
        new MiniSvg(b).draw(SvgFile.of(g.getCommands(), 100, 100).orElseThrow());
        b.dispose();
        int far = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                far += channelDifference(direct.getRGB(x, y), back.getRGB(x, y)) > 96 ? 1 : 0;
            }
        }
        assertTrue(far < 10, far + " pixels differ: the clip was moved by the rotation");
    }

    @Test
    void whatSvgWouldDrawOtherwiseGoesToVectorGraphics2DsWriter() {
        VectorGraphics2D notFinite = new VectorGraphics2D();
        notFinite.draw(new java.awt.geom.Line2D.Double(0, 0, Double.NaN, 5));
        assertTrue(SvgFile.of(notFinite.getCommands(), 10, 10).isEmpty(), "a coordinate that is not finite");
        VectorGraphics2D hairline = new VectorGraphics2D();
        hairline.setStroke(new java.awt.BasicStroke(0f));
        hairline.draw(new java.awt.geom.Line2D.Double(0, 0, 5, 5));
        assertTrue(SvgFile.of(hairline.getCommands(), 10, 10).isEmpty(), "a stroke of width 0 (a hairline to Java2D)");
        VectorGraphics2D flat = new VectorGraphics2D();
        flat.draw(new Rectangle2D.Double(1, 1, 5, 0));
        String svg = SvgFile.of(flat.getCommands(), 10, 10).orElseThrow();
        assertTrue(!svg.contains("<rect") && svg.contains("<path"), "a stroked rectangle of no height is a line: " + svg);
    }

    private static int channelDifference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            d = Math.max(d, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
        }
        return d;
    }

    /** Draws the SVG that {@link SvgFile} writes (its elements and styles only) with Java2D, as SVG defines them. */
    private static final class MiniSvg {
        private final Graphics2D g;
        private final Map<String, Shape> clips = new HashMap<>();

        MiniSvg(Graphics2D g) {
            this.g = g;
        }

        void draw(String svg) {
            Deque<Map<String, String>> groups = new ArrayDeque<>();
            String clipId = null;
            for (int at = svg.indexOf('<'); at >= 0; at = svg.indexOf('<', at + 1)) {
                int end = svg.indexOf('>', at);
                String tag = svg.substring(at + 1, end);
                if (tag.startsWith("?") || tag.startsWith("!")) {
                    continue;
                }
                boolean closing = tag.startsWith("/");
                boolean empty = tag.endsWith("/");
                String body = tag.substring(closing ? 1 : 0, empty ? tag.length() - 1 : tag.length());
                int space = body.indexOf(' ');
                String name = space < 0 ? body : body.substring(0, space);
                Map<String, String> a = attributes(space < 0 ? "" : body.substring(space));
                if (name.equals("clipPath")) {
                    clipId = closing ? null : a.get("id");
                } else if (name.equals("g")) {
                    if (closing) {
                        groups.pop();
                    } else if (!empty) {
                        groups.push(a);
                    }
                } else if (!closing && Set.of("rect", "ellipse", "path", "line").contains(name)) {
                    Shape shape = shape(name, a);
                    if (clipId != null) {
                        clips.put(clipId, shape);
                    } else {
                        paint(shape, a, groups);
                    }
                }
            }
        }

        /** The shape with its own attributes and its groups' (innermost last in the deque's reverse order). */
        private void paint(Shape shape, Map<String, String> own, Deque<Map<String, String>> groups) {
            Map<String, String> style = new HashMap<>();
            Graphics2D h = (Graphics2D) g.create();
            java.util.List<Map<String, String>> chain = new java.util.ArrayList<>(groups);
            java.util.Collections.reverse(chain);
            chain.add(own);
            for (Map<String, String> level : chain) {
                // as SVG reads them: an element's transform first, then its clip-path in the transformed coordinates
                String transform = level.get("transform");
                if (transform != null) {
                    double[] v = numbers(transform.substring(transform.indexOf('(') + 1, transform.length() - 1));
                    h.transform(transform.startsWith("translate") ? AffineTransform.getTranslateInstance(v[0], v[1]) : new AffineTransform(v));
                }
                String clip = level.get("clip-path");
                if (clip != null) {
                    h.clip(clips.get(clip.substring(5, clip.length() - 1)));
                }
                if (level.containsKey("style")) {
                    for (String part : level.get("style").split(";")) {
                        String[] kv = part.split(":");
                        style.put(kv[0], kv[1]);
                    }
                }
            }
            if (!style.get("fill").equals("none")) {
                h.setColor(color(style.get("fill")));
                Path2D p = new Path2D.Double(shape);
                p.setWindingRule("evenodd".equals(style.get("fill-rule")) ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO);
                h.fill(p);
            } else {
                h.setColor(color(style.get("stroke")));
                float width = Float.parseFloat(style.getOrDefault("stroke-width", "1"));
                int cap = switch (style.getOrDefault("stroke-linecap", "butt")) {
                    case "round" -> BasicStroke.CAP_ROUND;
                    case "square" -> BasicStroke.CAP_SQUARE;
                    default -> BasicStroke.CAP_BUTT;
                };
                int join = switch (style.getOrDefault("stroke-linejoin", "miter")) {
                    case "round" -> BasicStroke.JOIN_ROUND;
                    case "bevel" -> BasicStroke.JOIN_BEVEL;
                    default -> BasicStroke.JOIN_MITER;
                };
                float[] dash = null;
                if (style.containsKey("stroke-dasharray")) {
                    double[] d = numbers(style.get("stroke-dasharray"));
                    dash = new float[d.length];
                    for (int i = 0; i < d.length; i++) {
                        dash[i] = (float) d[i];
                    }
                }
                h.setStroke(new BasicStroke(width, cap, join, Float.parseFloat(style.getOrDefault("stroke-miterlimit", "4")),
                        dash, Float.parseFloat(style.getOrDefault("stroke-dashoffset", "0"))));
                h.draw(shape);
            }
            h.dispose();
        }

        private static Shape shape(String name, Map<String, String> a) {
            return switch (name) {
                case "line" -> new java.awt.geom.Line2D.Double(d(a, "x1"), d(a, "y1"), d(a, "x2"), d(a, "y2"));
                case "rect" -> new Rectangle2D.Double(d(a, "x"), d(a, "y"), d(a, "width"), d(a, "height"));
                case "ellipse" -> new Ellipse2D.Double(d(a, "cx") - d(a, "rx"), d(a, "cy") - d(a, "ry"), 2 * d(a, "rx"), 2 * d(a, "ry"));
                default -> path(a.get("d"));
            };
        }

        private static Path2D path(String d) {
            Path2D.Double p = new Path2D.Double();
            double[] v = new double[6];
            int i = 0;
            int n = d.length();
            while (i < n) {
                char op = d.charAt(i++);
                int count = switch (op) {
                    case 'M', 'L' -> 2;
                    case 'Q' -> 4;
                    case 'C' -> 6;
                    case 'Z' -> 0;
                    default -> -1;
                };
                if (count < 0) {
                    continue;
                }
                for (int k = 0; k < count; k++) {
                    while (d.charAt(i) == ' ' || d.charAt(i) == ',') {
                        i++;
                    }
                    int start = i;
                    while (i < n && "0123456789.-E".indexOf(d.charAt(i)) >= 0) {
                        i++;
                    }
                    v[k] = Double.parseDouble(d.substring(start, i));
                }
                switch (op) {
                    case 'M' -> p.moveTo(v[0], v[1]);
                    case 'L' -> p.lineTo(v[0], v[1]);
                    case 'Q' -> p.quadTo(v[0], v[1], v[2], v[3]);
                    case 'C' -> p.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
                    default -> p.closePath();
                }
            }
            return p;
        }

        private static Map<String, String> attributes(String text) {
            Map<String, String> a = new HashMap<>();
            for (int eq = text.indexOf("=\""); eq >= 0; eq = text.indexOf("=\"", eq + 1)) {
                int start = text.lastIndexOf(' ', eq) + 1;
                int close = text.indexOf('"', eq + 2);
                a.put(text.substring(start, eq), text.substring(eq + 2, close));
                eq = close;
            }
            return a;
        }

        private static double d(Map<String, String> a, String key) {
            return Double.parseDouble(a.get(key));
        }

        private static double[] numbers(String text) {
            String[] parts = text.trim().split("[ ,]+");
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
            return v;
        }

        private static Color color(String rgb) {
            double[] c = numbers(rgb.substring(4, rgb.length() - 1));
            return new Color((int) c[0], (int) c[1], (int) c[2]);
        }
    }
}

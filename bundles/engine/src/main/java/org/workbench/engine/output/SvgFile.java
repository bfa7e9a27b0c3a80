package org.workbench.engine.output;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.RotateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.ScaleCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetBackgroundCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetCompositeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetHintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetPaintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.ShearCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.TransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.TranslateCommand;

/**
 * Writes the drawing commands that VectorGraphics2D recorded of a chart as SVG text, directly: the
 * library's own SVG writer builds a DOM of the whole document and serialises it with the JDK's XSLT
 * transformer, formatting every number with a {@code DecimalFormat} to 17 digits; in a short run that
 * code is cold, and the files were about 300 KB a plot. Here:
 * <ul>
 * <li>coordinates have two decimals (a hundredth of the layout's pixel; the pages show a plot at
 * about that size, the PNG at twice it), transforms six;</li>
 * <li>consecutive outlines stroked alike (a series' line, drawn by XChart one segment at a time) are
 * one {@code path} of many sub-paths, which strokes exactly as the separate lines did (each sub-path
 * keeps its own caps; only opaque colours, where overlaps cannot show);</li>
 * <li>consecutive shapes under the same clip, transform and style share one group carrying them;</li>
 * <li>a translation (how XChart places each text's outline) moves the coordinates themselves.</li>
 * </ul>
 * The picture is the same: the same shapes in the same order, colours, strokes, winding rules and
 * clips. What this cannot write the same (an image, a gradient, text as characters, a translucent
 * composite, XOR) it reports as empty, and the caller writes the chart with VectorGraphics2D's writer.
 */
final class SvgFile {
    private static final double COORDINATES = 100;
    private static final double MATRIX = 1_000_000;

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();
    private int clips;
    /** The open group's key (clip, transform, style), or null. */
    private Key open;
    /** Whether the open group is two elements: a clip (in page coordinates) around a transform. */
    private boolean nested;
    /** The stroked sub-paths waiting to become one path element (under {@link #open}). */
    private final StringBuilder pending = new StringBuilder();

    private SvgFile() {
    }

    /**
     * The SVG document of {@code commands} drawn on a page of {@code width} x {@code height}, or
     * empty when they hold something this writer does not write as VectorGraphics2D's would.
     */
    static Optional<String> of(CommandSequence commands, double width, double height) {
        SvgFile svg = new SvgFile();
        svg.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
        number(svg.out, width, COORDINATES);
        svg.out.append("px\" height=\"");
        number(svg.out, height, COORDINATES);
        svg.out.append("px\" viewBox=\"0 0 ");
        number(svg.out, width, COORDINATES);
        svg.out.append(' ');
        number(svg.out, height, COORDINATES);
        svg.out.append("\">\n");
        try {
            for (Command<?> c : commands) {
                if (!svg.apply(c)) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException notFinite) {
            return Optional.empty(); // a coordinate that is not finite: VectorGraphics2D's writer, as before
        }
        svg.close();
        svg.out.append("</svg>\n");
        return Optional.of(svg.out.toString());
    }

    /** Writes {@code text} as UTF-8. */
    static void write(String text, OutputStream to) throws IOException {
        to.write(text.getBytes(StandardCharsets.UTF_8));
        to.flush();
    }

    /** The graphics state that matters to the picture. */
    private static final class State {
        AffineTransform transform = new AffineTransform();
        /** In page coordinates; null: none. */
        Shape clip;
        int clipId = -1;
        Color color = Color.BLACK;
        BasicStroke stroke = new BasicStroke();

        State copy() {
            State s = new State();
            s.transform = new AffineTransform(transform);
            s.clip = clip;
            s.clipId = clipId;
            s.color = color;
            s.stroke = stroke;
            return s;
        }
    }

    /** What a group of consecutive elements shares. */
    private record Key(int clipId, String transform, String style) {
    }

    private boolean apply(Command<?> c) {
        if (c instanceof DrawShapeCommand d) {
            draw(d.getValue(), false);
        } else if (c instanceof FillShapeCommand f) {
            draw(f.getValue(), true);
        } else if (c instanceof SetColorCommand s) {
            state.color = s.getValue();
        } else if (c instanceof SetPaintCommand p) {
            if (!(p.getValue() instanceof Color color)) {
                return false;
            }
            state.color = color;
        } else if (c instanceof SetStrokeCommand s) {
            if (!(s.getValue() instanceof BasicStroke stroke) || stroke.getLineWidth() <= 0f) {
                return false; // Java2D draws a width of 0 as a hairline, SVG draws nothing
            }
            state.stroke = stroke;
        } else if (c instanceof TranslateCommand t) {
            state.transform.translate(t.getDeltaX(), t.getDeltaY());
        } else if (c instanceof RotateCommand r) {
            state.transform.rotate(r.getTheta(), r.getCenterX(), r.getCenterY());
        } else if (c instanceof ScaleCommand s) {
            state.transform.scale(s.getScaleX(), s.getScaleY());
        } else if (c instanceof ShearCommand s) {
            state.transform.shear(s.getShearX(), s.getShearY());
        } else if (c instanceof TransformCommand t) {
            state.transform.concatenate(t.getTransform());
        } else if (c instanceof SetTransformCommand t) {
            state.transform = new AffineTransform(t.getValue());
        } else if (c instanceof SetClipCommand s) {
            clip(s.getValue());
        } else if (c instanceof CreateCommand) {
            saved.push(state);
            state = state.copy();
        } else if (c instanceof DisposeCommand) {
            if (!saved.isEmpty()) {
                state = saved.pop();
            }
        } else if (c instanceof SetCompositeCommand s) {
            return s.getValue() instanceof AlphaComposite a && a.getRule() == AlphaComposite.SRC_OVER
                    && a.getAlpha() == 1f;
        } else {
            // fonts and hints change nothing drawn as outlines; the background only what clearRect fills
            // (recorded as a fill of its own); anything else (text, images, XOR) is not written here
            return c instanceof SetFontCommand || c instanceof SetHintCommand || c instanceof SetBackgroundCommand;
        }
        return true;
    }

    private void clip(Shape shape) {
        if (shape == null) {
            state.clip = null;
            state.clipId = -1;
            return;
        }
        Shape page = state.transform.isIdentity() ? shape : state.transform.createTransformedShape(shape);
        if (Objects.equals(page, state.clip)) {
            return;
        }
        closeGroup();
        state.clip = page;
        state.clipId = clips++;
        out.append("<clipPath id=\"c").append(state.clipId).append('"');
        if (page.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD
                && !(page instanceof Rectangle2D || page instanceof Ellipse2D)) {
            out.append(" clip-rule=\"evenodd\"");
        }
        out.append('>');
        element(page, true, 0, 0);
        out.append("</clipPath>\n");
    }

    private void draw(Shape shape, boolean fill) {
        AffineTransform t = state.transform;
        boolean translation = t.getType() == AffineTransform.TYPE_TRANSLATION || t.isIdentity();
        double dx = translation ? t.getTranslateX() : 0;
        double dy = translation ? t.getTranslateY() : 0;
        String matrix = translation ? "" : matrix(t);
        String style = fill ? fillStyle(shape) : strokeStyle();
        Key key = new Key(state.clipId, matrix, style);
        boolean merge = !fill && state.color.getAlpha() == 255;
        if (!key.equals(open)) {
            closeGroup();
            openGroup(key);
        } else if (!merge) {
            flushPath();
        }
        if (merge) {
            subPaths(pending, shape, dx, dy);
        } else {
            element(shape, fill, dx, dy);
        }
    }

    private void openGroup(Key key) {
        // an element's clip-path is read in its own coordinates, after its transform: the clip, kept in page
        // coordinates, goes on a group of its own around the transformed one
        nested = key.clipId() >= 0 && !key.transform().isEmpty();
        if (nested) {
            out.append("<g clip-path=\"url(#c").append(key.clipId()).append(")\">\n");
        }
        out.append("<g");
        if (key.clipId() >= 0 && !nested) {
            out.append(" clip-path=\"url(#c").append(key.clipId()).append(")\"");
        }
        if (!key.transform().isEmpty()) {
            out.append(" transform=\"").append(key.transform()).append('"');
        }
        out.append(" style=\"").append(key.style()).append("\">\n");
        open = key;
    }

    private void closeGroup() {
        flushPath();
        if (open != null) {
            out.append(nested ? "</g>\n</g>\n" : "</g>\n");
            open = null;
            nested = false;
        }
    }

    private void close() {
        closeGroup();
    }

    private void flushPath() {
        if (pending.length() > 0) {
            out.append("<path d=\"").append(pending).append("\"/>\n");
            pending.setLength(0);
        }
    }

    /** One shape as an element of its own (its style is its group's). */
    private void element(Shape shape, boolean fill, double dx, double dy) {
        if (shape instanceof Rectangle2D r && (fill || r.getWidth() > 0 && r.getHeight() > 0)) {
            // (a stroked rectangle of no width or height is a line to Java2D and nothing to SVG's rect)
            out.append("<rect x=\"");
            number(out, r.getX() + dx, COORDINATES);
            out.append("\" y=\"");
            number(out, r.getY() + dy, COORDINATES);
            out.append("\" width=\"");
            number(out, r.getWidth(), COORDINATES);
            out.append("\" height=\"");
            number(out, r.getHeight(), COORDINATES);
            out.append("\"/>");
        } else if (shape instanceof Ellipse2D e) {
            out.append("<ellipse cx=\"");
            number(out, e.getCenterX() + dx, COORDINATES);
            out.append("\" cy=\"");
            number(out, e.getCenterY() + dy, COORDINATES);
            out.append("\" rx=\"");
            number(out, e.getWidth() / 2, COORDINATES);
            out.append("\" ry=\"");
            number(out, e.getHeight() / 2, COORDINATES);
            out.append("\"/>");
        } else {
            out.append("<path d=\"");
            subPaths(out, shape, dx, dy);
            out.append("\"/>");
        }
        out.append('\n');
    }

    /** The outline of {@code shape} moved by (dx, dy), as path data appended to {@code to}. */
    private static void subPaths(StringBuilder to, Shape shape, double dx, double dy) {
        if (shape instanceof Line2D l) {
            separate(to);
            to.append('M');
            point(to, l.getX1() + dx, l.getY1() + dy);
            to.append('L');
            point(to, l.getX2() + dx, l.getY2() + dy);
            return;
        }
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            separate(to);
            switch (type) {
                case PathIterator.SEG_MOVETO -> {
                    to.append('M');
                    point(to, c[0] + dx, c[1] + dy);
                }
                case PathIterator.SEG_LINETO -> {
                    to.append('L');
                    point(to, c[0] + dx, c[1] + dy);
                }
                case PathIterator.SEG_QUADTO -> {
                    to.append('Q');
                    point(to, c[0] + dx, c[1] + dy);
                    to.append(' ');
                    point(to, c[2] + dx, c[3] + dy);
                }
                case PathIterator.SEG_CUBICTO -> {
                    to.append('C');
                    point(to, c[0] + dx, c[1] + dy);
                    to.append(' ');
                    point(to, c[2] + dx, c[3] + dy);
                    to.append(' ');
                    point(to, c[4] + dx, c[5] + dy);
                }
                default -> to.append('Z');
            }
        }
    }

    private static void separate(StringBuilder to) {
        if (to.length() > 0 && to.charAt(to.length() - 1) != '"') {
            to.append(' ');
        }
    }

    private static void point(StringBuilder to, double x, double y) {
        number(to, x, COORDINATES);
        to.append(' ');
        number(to, y, COORDINATES);
    }

    private String fillStyle(Shape shape) {
        StringBuilder s = new StringBuilder("fill:");
        color(s, state.color);
        if (state.color.getAlpha() < 255) {
            s.append(";fill-opacity:");
            number(s, state.color.getAlpha() / 255.0, 1000);
        }
        if (!(shape instanceof Rectangle2D || shape instanceof Ellipse2D || shape instanceof Line2D)
                && shape.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) {
            s.append(";fill-rule:evenodd");
        }
        return s.append(";stroke:none").toString();
    }

    private String strokeStyle() {
        BasicStroke b = state.stroke;
        StringBuilder s = new StringBuilder("fill:none;stroke:");
        color(s, state.color);
        if (state.color.getAlpha() < 255) {
            s.append(";stroke-opacity:");
            number(s, state.color.getAlpha() / 255.0, 1000);
        }
        if (b.getLineWidth() != 1f) {
            s.append(";stroke-width:");
            number(s, b.getLineWidth(), MATRIX);
        }
        switch (b.getEndCap()) {
            case BasicStroke.CAP_ROUND -> s.append(";stroke-linecap:round");
            case BasicStroke.CAP_SQUARE -> s.append(";stroke-linecap:square");
            default -> { }
        }
        switch (b.getLineJoin()) {
            case BasicStroke.JOIN_ROUND -> s.append(";stroke-linejoin:round");
            case BasicStroke.JOIN_BEVEL -> s.append(";stroke-linejoin:bevel");
            default -> {
                s.append(";stroke-miterlimit:");
                number(s, Math.max(1f, b.getMiterLimit()), MATRIX);
            }
        }
        float[] dash = b.getDashArray();
        if (dash != null && dash.length > 0) {
            s.append(";stroke-dasharray:");
            for (int i = 0; i < dash.length; i++) {
                if (i > 0) {
                    s.append(',');
                }
                number(s, dash[i], MATRIX);
            }
            if (b.getDashPhase() != 0f) {
                s.append(";stroke-dashoffset:");
                number(s, b.getDashPhase(), MATRIX);
            }
        }
        return s.toString();
    }

    private static void color(StringBuilder s, Color c) {
        s.append("rgb(").append(c.getRed()).append(',').append(c.getGreen()).append(',').append(c.getBlue()).append(')');
    }

    private static String matrix(AffineTransform t) {
        StringBuilder s = new StringBuilder("matrix(");
        double[] m = new double[6];
        t.getMatrix(m);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                s.append(' ');
            }
            number(s, m[i], MATRIX);
        }
        return s.append(')').toString();
    }

    /**
     * Appends {@code v} rounded to {@code 1/scale} (a power of ten), without trailing zeros, an
     * exponent or a negative zero.
     */
    static void number(StringBuilder to, double v, double scale) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a drawing coordinate is not finite: " + v);
        }
        long scaled = Math.round(v * scale);
        if (scaled == 0) {
            to.append('0');
            return;
        }
        if (scaled < 0) {
            to.append('-');
            scaled = -scaled;
        }
        long unit = (long) scale;
        to.append(scaled / unit);
        long fraction = scaled % unit;
        if (fraction != 0) {
            to.append('.');
            for (long digit = unit / 10; digit > 0 && fraction != 0; digit /= 10) {
                to.append((char) ('0' + fraction / digit));
                fraction %= digit;
            }
        }
    }
}

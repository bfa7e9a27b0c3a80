package org.workbench.runtime;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;

/**
 * Readies the JDK's 2-D graphics on a daemon thread while the framework starts on the main one:
 * a run's first plot otherwise pays, on the command's critical path, for loading Java2D and its
 * native loops, reading the font configuration and the first font file, and running the
 * antialiasing rasteriser in the interpreter, and for the XML
 * classes of the SVG writer's DOM and identity transformer. These are JVM-wide (the system bundle exports {@code java.awt} and
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
     * The SVG writer's path: a DOM document with a doctype, serialised with an indenting identity
     * transformer (the JDK's XSLTC, whose classes are many and cold).
     */
    private static void vectorDocument() throws ParserConfigurationException, TransformerException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(false);
        DOMImplementation dom = factory.newDocumentBuilder().getDOMImplementation();
        DocumentType type = dom.createDocumentType("svg", "-//W3C//DTD SVG 1.1//EN",
                "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd");
        Document doc = dom.createDocument("http://www.w3.org/2000/svg", "svg", type);
        doc.setXmlStandalone(false);
        Element root = doc.getDocumentElement();
        root.setAttribute("version", "1.1");
        for (int i = 0; i < 50; i++) {
            Element path = doc.createElement("path");
            path.setAttribute("d", "M" + i + " 0 L" + (i + 1) + " " + Math.sin(i));
            path.setAttribute("style", "stroke:rgb(0,114,178);stroke-width:2");
            root.appendChild(path);
            Element text = doc.createElement("text");
            text.appendChild(doc.createTextNode("tick " + i));
            root.appendChild(text);
        }
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty(OutputKeys.STANDALONE, "no");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, type.getPublicId());
        transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, type.getSystemId());
        transformer.transform(new DOMSource(doc), new StreamResult(OutputStream.nullOutputStream()));
    }

    private static void run() {
        // first the component descriptors' parser, which the framework's start needs soonest
        ComponentXmlWarmUp.run();
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
                for (int size : new int[] {10, 12, 14, 16}) {
                    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size);
                    g.setFont(font);
                    g.drawString("Posterior 0.5 1.0 1.5 2.0 mu density", 60, 40 + 4 * size);
                    g.fill(new TextLayout("n = 20, variance 0.05", font, g.getFontRenderContext()).getOutline(null));
                }
            } finally {
                g.dispose();
            }
            // no PNG writer: the plots are written by the engine's own (PngFile), not ImageIO's, whose
            // five filters a row cost this thread a quarter of its CPU time
            vectorDocument();
        } catch (RuntimeException | LinkageError | ParserConfigurationException | TransformerException e) {
            // a headless JVM without fonts or without java.desktop: the renderer reports its own errors
        }
    }
}

package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.w3c.dom.Node;
import org.workbench.api.Plot;

/**
 * The plots' PNG writer gives the pixels that XChart's own PNG writer (ImageIO's) gives, with the
 * same pixel density, and any RGB image back pixel for pixel.
 */
class PngFileTest {
    @TempDir
    Path folder;

    @Test
    void aPlotHasThePixelsAndDensityOfXChartsOwnPng() throws IOException {
        Plot plot = Plot.builder("posterior").title("Posterior of μ").xLabel("μ").yLabel("density")
                .series(new Plot.Series("posterior", new double[] {-1, 0, 1, 2, 3}, new double[] {0.01, 0.2, 0.9, 0.3, 0.02},
                        Plot.Style.LINE_AND_MARKERS))
                .series(new Plot.Series("prior", new double[] {-1, 0, 1, 2, 3}, new double[] {0.1, 0.2, 0.2, 0.2, 0.1},
                        Plot.Style.LINE))
                .build();
        Path ours = folder.resolve("ours.png");
        PngFile.write(XChartRenderer.bitmap(XChartRenderer.chart(plot)), XChartRenderer.PNG_DPI, ours);
        Path theirs = folder.resolve("theirs.png");
        BitmapEncoder.saveBitmapWithDPI(XChartRenderer.chart(plot), theirs.toString(), BitmapEncoder.BitmapFormat.PNG,
                XChartRenderer.PNG_DPI);
        assertSamePixels(ImageIO.read(theirs.toFile()), ImageIO.read(ours.toFile()));
        assertEquals(pixelsPerMetre(theirs), pixelsPerMetre(ours), 1.0);
        assertEquals(Math.round(XChartRenderer.PNG_DPI / 0.0254), pixelsPerMetre(ours), 0.0);
        // unfiltered rows deflate about as small as ImageIO's best filter a row for a chart
        assertTrue(Files.size(ours) <= 1.05 * Files.size(theirs), Files.size(ours) + " bytes against " + Files.size(theirs));
    }

    @Test
    void anyRgbImageComesBackPixelForPixel() throws IOException {
        for (int[] size : new int[][] {{1, 1}, {3, 2}, {257, 300}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            SplittableRandom random = new SplittableRandom(size[0]);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    image.setRGB(x, y, y % 7 == 0 ? 0xffffff : random.nextInt(1 << 24));
                }
            }
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(0x0072B2));
            g.drawLine(0, 0, size[0], size[1]);
            g.dispose();
            Path file = folder.resolve("image-" + size[0] + ".png");
            PngFile.write(image, 72, file);
            assertSamePixels(image, ImageIO.read(file.toFile()));
        }
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        assertThrows(IllegalArgumentException.class, () -> PngFile.write(argb, 72, folder.resolve("argb.png")));
    }

    @Test
    void aSubImageComesBackPixelForPixel() throws IOException {
        BufferedImage whole = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                whole.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        BufferedImage part = whole.getSubimage(5, 7, 21, 13);
        Path file = folder.resolve("part.png");
        PngFile.write(part, 72, file);
        assertSamePixels(part, ImageIO.read(file.toFile()));
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y) & 0xffffff;
                int a = actual.getRGB(x, y) & 0xffffff;
                if (e != a) {
                    throw new AssertionError("pixel (" + x + ", " + y + "): " + Integer.toHexString(a) + " where "
                            + Integer.toHexString(e) + " was expected");
                }
            }
        }
    }

    private static double pixelsPerMetre(Path png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node root = metadata.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    return Double.parseDouble(n.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue());
                }
            }
            reader.dispose();
            throw new AssertionError(png + " has no pHYs chunk");
        }
    }
}

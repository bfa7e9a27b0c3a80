package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/** The warm-up readies the PNG writer's blit: the one that gives a chart's pixels as PNG's red, green, blue bytes. */
class GraphicsWarmUpTest {
    @Test
    void theBlitItReadiesGivesRedGreenBlueBytes() {
        BufferedImage image = new BufferedImage(20, 18, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x123456);
        image.setRGB(15, 15, 0xabcdef);
        image.setRGB(16, 0, 0xffffff);
        byte[] bytes = GraphicsWarmUp.pngBytes(image);
        assertEquals(16 * 16 * 3, bytes.length);
        assertEquals(0x12, bytes[0] & 0xff);
        assertEquals(0x34, bytes[1] & 0xff);
        assertEquals(0x56, bytes[2] & 0xff);
        int last = (15 * 16 + 15) * 3;
        assertEquals(0xab, bytes[last] & 0xff);
        assertEquals(0xcd, bytes[last + 1] & 0xff);
        assertEquals(0xef, bytes[last + 2] & 0xff);
    }
}

package org.workbench.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plots' warm-up: asked for by a system property, once a JVM, drawing both formats into nothing. */
class PlotWarmUpTest {
    @TempDir
    Path folder;

    @Test
    void drawsAPngAndAnSvgAsLargeAsTheRenderersOwnIntoNothing() throws Exception {
        long[] bytes = PlotWarmUp.run();
        new XChartRenderer().render(PlotWarmUp.sample(), folder);
        assertEquals(Files.size(folder.resolve("warm-up.png")), bytes[0], "PNG bytes");
        assertEquals(Files.size(folder.resolve("warm-up.svg")), bytes[1], "SVG bytes");
    }

    /** Run alone in its JVM's state: the property is the JVM's, and the warm-up starts at most once a JVM. */
    @Test
    void startsOnlyWhenAskedAndOnceAJvm() throws Exception {
        String before = System.getProperty(PlotWarmUp.PROPERTY);
        try {
            System.clearProperty(PlotWarmUp.PROPERTY);
            assertFalse(PlotWarmUp.startIfAsked().isPresent(), "not asked");
            System.setProperty(PlotWarmUp.PROPERTY, "true");
            Optional<Thread> started = PlotWarmUp.startIfAsked();
            assertTrue(started.isPresent(), "asked");
            assertEquals(PlotWarmUp.THREAD, started.get().getName());
            assertTrue(started.get().isDaemon(), "a daemon: it never holds the JVM's exit");
            started.get().join(60_000);
            assertFalse(started.get().isAlive(), "the warm-up ended");
            assertFalse(PlotWarmUp.startIfAsked().isPresent(), "a second renderer of the same JVM starts none");
        } finally {
            if (before == null) {
                System.clearProperty(PlotWarmUp.PROPERTY);
            } else {
                System.setProperty(PlotWarmUp.PROPERTY, before);
            }
        }
    }
}

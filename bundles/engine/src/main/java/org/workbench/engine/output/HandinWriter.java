package org.workbench.engine.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.workbench.api.live.HandinRenderer;
import org.workbench.engine.catalog.WebBundles;

/**
 * Writes {@code handin.html} through the web workbench's {@link HandinRenderer} (the same answers,
 * placeholders and markdown as the question pages), installing the distribution's {@code web/}
 * bundles on first use, as {@link ReportWriter} does.
 */
public final class HandinWriter {
    private static final long TIMEOUT_MS = 20_000;
    private final BundleContext context;

    /** The writer of the engine bundle this class was loaded from. */
    public HandinWriter() {
        Bundle engine = FrameworkUtil.getBundle(HandinWriter.class);
        this.context = engine == null ? null : engine.getBundleContext();
    }

    /**
     * @return the path of {@code handin.html} in {@code out}
     * @see HandinRenderer#write
     */
    public Path write(Path results, Path experiments, Path out, Map<String, String> versions, String command)
            throws IOException {
        if (context == null) {
            throw new IOException("the hand-in is written by the web workbench's bundles, which need the OSGi runtime");
        }
        ServiceTracker<HandinRenderer, HandinRenderer> tracker = new ServiceTracker<>(context, HandinRenderer.class, null);
        tracker.open();
        try {
            HandinRenderer renderer = tracker.getService();
            if (renderer == null) {
                WebBundles.start(context, WebBundles.PAGES);
                renderer = tracker.waitForService(TIMEOUT_MS);
            }
            if (renderer == null) {
                throw new IOException("the web workbench's hand-in renderer did not start within " + TIMEOUT_MS / 1000 + " s");
            }
            HandinSummary summary = HandinSummary.register(context, results);
            try {
                return renderer.write(results, experiments, out, versions, command);
            } finally {
                if (summary != null) {
                    summary.close();
                }
            }
        } catch (BundleException e) {
            throw new IOException("could not start the web workbench's bundles: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the hand-in renderer", e);
        } finally {
            tracker.close();
        }
    }
}

package org.workbench.engine.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.workbench.api.live.HandinRenderer;

/**
 * Writes {@code handin.html} through the web workbench's {@link HandinRenderer} (the same answers,
 * placeholders and markdown as the question pages), installing the distribution's {@code web/}
 * bundles on first use, as {@link ReportWriter} does.
 */
public final class HandinWriter {
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
        try (PagesService<HandinRenderer> pages = PagesService.of(context, HandinRenderer.class, "hand-in renderer");
                StoreSummary store = StoreSummary.register(context, results)) {
            return pages.get().write(results, experiments, out, versions, command);
        }
    }
}

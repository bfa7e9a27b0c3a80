package org.workbench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.live.HandinRenderer;

/**
 * Writes the hand-in page ({@link HandinRenderer#FILE}): {@link HandinModel}'s content through the
 * {@code handin} template, with the style sheet, KaTeX (script and fonts) and the plots inlined, so
 * the one file opens anywhere and prints (or is printed to PDF) as it shows. Written under a
 * temporary name and renamed.
 */
@Component(service = HandinRenderer.class)
public final class HandinPages implements HandinRenderer {
    private final Templates templates = new Templates();
    private final Markdown markdown = new Markdown();
    /** This bundle's context, to find the run store's summary of a results folder; null in unit tests. */
    private final org.osgi.framework.BundleContext context;

    /** A renderer that reads the folders (tests). */
    HandinPages() {
        this(null);
    }

    @org.osgi.service.component.annotations.Activate
    public HandinPages(org.osgi.framework.BundleContext context) {
        this.context = context;
    }

    @Override
    public Path write(Path results, Path experiments, Path out, Map<String, String> versions, String command)
            throws IOException {
        // with a run store: each experiment's newest homework run is read from its folder, not every run's
        try (FolderSummary summary = FolderSummary.of(context, results)) {
            return write(new RunIndex(results, experiments, summary.supplier()), out, versions, command);
        }
    }

    /** The hand-in of the runs {@code index} finds. */
    Path write(RunIndex index, Path out, Map<String, String> versions, String command) throws IOException {
        Map<String, Object> m = HandinModel.build(index, markdown, versions, command);
        HandinAssets.into(m);
        String html = templates.render("handin", m);
        Files.createDirectories(out);
        Path page = out.resolve(FILE);
        Path temporary = out.resolve("." + FILE + ".tmp");
        Files.writeString(temporary, html, StandardCharsets.UTF_8);
        Files.move(temporary, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return page;
    }
}

package org.workbench.engine.output;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.workbench.api.live.ReportRenderer;
import org.workbench.engine.catalog.WebBundles;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Writes {@code report.html} in a results folder through the web workbench's {@link ReportRenderer}
 * (the same templates as the pages of {@code serve}), installing the distribution's {@code web/}
 * bundles on first use: they hold templates and markdown only, no HTTP server.
 */
public final class ReportWriter {
    private static final long TIMEOUT_MS = 20_000;
    private final BundleContext context;
    private final List<String> unreadable = new ArrayList<>();

    /** The writer of the engine bundle this class was loaded from. */
    public ReportWriter() {
        Bundle engine = FrameworkUtil.getBundle(ReportWriter.class);
        this.context = engine == null ? null : engine.getBundleContext();
    }

    /** Writes the report with answers from {@code experiments/} and returns its path. */
    public Path write(Path resultsFolder) throws IOException {
        return write(resultsFolder, Path.of("experiments"));
    }

    /** Writes the report with answers from {@code experiments} and returns its path. */
    public Path write(Path resultsFolder, Path experiments) throws IOException {
        unreadable.clear();
        unreadable.addAll(unreadable(resultsFolder));
        if (context == null) {
            throw new IOException("the report is written by the web workbench's bundles, which need the OSGi runtime");
        }
        ServiceTracker<ReportRenderer, ReportRenderer> tracker = new ServiceTracker<>(context, ReportRenderer.class, null);
        tracker.open();
        try {
            ReportRenderer renderer = tracker.getService();
            if (renderer == null) {
                WebBundles.start(context, WebBundles.PAGES);
                renderer = tracker.waitForService(TIMEOUT_MS);
            }
            if (renderer == null) {
                throw new IOException("the web workbench's report renderer did not start within " + TIMEOUT_MS / 1000 + " s");
            }
            return renderer.write(resultsFolder, experiments);
        } catch (BundleException e) {
            throw new IOException("could not start the web workbench's bundles: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the report renderer", e);
        } finally {
            tracker.close();
        }
    }

    /** The {@code result.json} files that the last {@link #write} skipped because they cannot be read, with why. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Result files of published runs that do not parse as a JSON object (the report leaves them out). */
    static List<String> unreadable(Path resultsFolder) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(resultsFolder)) {
            return out;
        }
        try (Stream<Path> experiments = Files.list(resultsFolder)) {
            for (Path experiment : experiments.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> runs = Files.list(experiment)) {
                    for (Path run : runs.filter(r -> !r.getFileName().toString().startsWith(".")).sorted().toList()) {
                        Path file = run.resolve("result.json");
                        if (!Files.isRegularFile(file)) {
                            continue;
                        }
                        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                            if (!JsonParser.parseReader(r).isJsonObject()) {
                                out.add(file + ": not a JSON object");
                            }
                        } catch (JsonParseException | IOException e) {
                            out.add(file + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        return out;
    }
}

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
import org.osgi.framework.FrameworkUtil;
import org.workbench.api.live.ReportRenderer;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Writes {@code report.html} in a results folder through the web workbench's {@link ReportRenderer}
 * (the same templates as the pages of {@code serve}), installing the distribution's {@code web/}
 * bundles on first use: they hold templates and markdown only, no HTTP server.
 */
public final class ReportWriter {
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

    /**
     * Writes the report with answers from {@code experiments} and returns its path. With a run store in
     * the results folder, the pages read the folders of the runs it names (each experiment's newest
     * homework run, the newest runs), and the unreadable results are those its sync could not read;
     * without one, every folder is read.
     */
    public Path write(Path resultsFolder, Path experiments) throws IOException {
        unreadable.clear();
        if (context == null) {
            unreadable.addAll(unreadable(resultsFolder));
            throw new IOException("the report is written by the web workbench's bundles, which need the OSGi runtime");
        }
        try (PagesService<ReportRenderer> pages = PagesService.of(context, ReportRenderer.class, "report renderer");
                StoreSummary store = StoreSummary.register(context, resultsFolder)) {
            boolean fromStore = store != null && store.answers();
            Path report = pages.get().write(resultsFolder, experiments);
            unreadable.addAll(fromStore ? store.unreadable() : unreadable(resultsFolder));
            return report;
        }
    }

    /**
     * The results that the last {@link #write} skipped because they cannot be read, with why: the
     * {@code result.json} files, or with a run store the run folders its sync could not index.
     */
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

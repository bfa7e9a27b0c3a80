package org.workbench.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.workbench.api.live.ReportRenderer;

/**
 * The static report: the home page and every question page of the web workbench in one
 * {@code report.html}, from the same templates, with relative links to the result folders and the
 * page assets (KaTeX, uPlot, script, style) copied to {@code report-assets/} beside it, so that it
 * opens from disk with no server. Only homework runs fill the answers; every run is listed below.
 */
@Component(service = ReportRenderer.class)
public final class ReportPages implements ReportRenderer {
    static final String ASSETS = "report-assets";
    /**
     * How many of the newest runs the report lists below the answers (every run up to this many; beyond,
     * {@code ./workbench runs} and the runs page list them all).
     */
    static final int OTHER_RUNS = 200;
    private final BundleContext context;
    private final Templates templates = new Templates();
    private final Markdown markdown = new Markdown();

    @Activate
    public ReportPages(BundleContext context) {
        this.context = context;
    }

    @Override
    public Path write(Path results, Path experiments) throws IOException {
        Files.createDirectories(results);
        Map<String, Object> m;
        // with a run store (report registers its summary): the folders of the runs it names, not every one
        try (FolderSummary summary = FolderSummary.of(context, results)) {
            m = model(new RunIndex(results, experiments, summary.supplier()), markdown, OTHER_RUNS);
        }
        copyAssets(results.resolve(ASSETS));
        String html = templates.render("report", m);
        Path report = results.resolve("report.html");
        Path temporary = results.resolve(".report.html.tmp");
        Files.writeString(temporary, html, StandardCharsets.UTF_8);
        Files.move(temporary, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return report;
    }

    /**
     * The report's content: the home page and every question from one overview of the problem set's
     * experiments (one request to a run store), and the {@code otherRuns} newest runs, saying how many
     * there are when older ones are left out.
     */
    static Map<String, Object> model(RunIndex index, Markdown markdown, int otherRuns) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Report");
        m.put("live", false);
        m.put("navHome", true);
        m.put("assets", Links.REPORT.assets());
        m.put("home", Links.REPORT.home());
        m.put("writtenAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Homework hw = Homework.read(index.experiments());
        RunIndex.Overview overview = index.overview(HomePage.HomeModel.names(hw));
        HomePage.HomeModel.build(hw, overview, markdown, m, Links.REPORT);
        List<Map<String, Object>> questions = new ArrayList<>();
        Map<String, String> rendered = new LinkedHashMap<>();
        for (Homework.Problem p : hw.problems()) {
            for (Homework.Question q : p.questions()) {
                Map<String, Object> qm = new LinkedHashMap<>();
                questions.add(QuestionPage.build(index, overview, markdown, q, qm, Links.REPORT, null, rendered));
            }
        }
        m.put("questions", questions);
        RunIndex.Newest newest = index.newest(otherRuns);
        m.put("runs", RunsPage.rows(newest.runs(), Links.REPORT));
        if (newest.partial()) {
            m.put("newestOnly", newest.shown(newest.runs().size())); // the rows listed: a folder gone or unreadable is not one
        }
        return m;
    }

    /** Copies this bundle's {@code static/} folder (written under a temporary name, then renamed). */
    private void copyAssets(Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        deleteTree(temporary);
        for (URL entry : Collections.list(context.getBundle().findEntries("static", "*", true))) {
            String path = entry.getPath();
            if (path.endsWith("/")) {
                continue;
            }
            Path file = temporary.resolve(path.substring(path.indexOf("static/") + "static/".length()));
            Files.createDirectories(file.getParent());
            try (InputStream in = entry.openStream()) {
                Files.copy(in, file);
            }
        }
        deleteTree(target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

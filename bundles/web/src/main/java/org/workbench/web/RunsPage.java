package org.workbench.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code /runs}: every result folder in a filterable table; {@code /runs/<experiment>/<runId>}: one
 * run (its result keys, charts, plots, descriptor as run and provenance).
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/runs",
        "osgi.http.whiteboard.servlet.pattern=/runs/*", "osgi.http.whiteboard.servlet.name=workbench-runs" })
public final class RunsPage extends Page {
    private static final long serialVersionUID = 1L;

    /** The engine's run store while it serves (docs/run-store.md); without it the page lists the folders as before. */
    @Reference(service = java.util.function.Function.class, target = "(workbench.service=run-table)",
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile java.util.function.Function<String, String> table;

    @Activate
    public RunsPage(@Reference Site site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        java.util.function.Function<String, String> store = table;
        if (rest.isEmpty() && store != null) {
            RunsTable query = new RunsTable(req.getParameter("where"), req.getParameter("sort"), RememberedColumns.of(req),
                    req.getParameter("page"));
            if ("csv".equals(req.getParameter("format"))) {
                csv(resp, store.apply(query.request(true)));
                return;
            }
            RememberedColumns.keep(req, resp);
            Map<String, Object> m = model("Runs", "Runs");
            query.model(store, m);
            mcmcLinks(m);
            m.put("filter", Optional.ofNullable(req.getParameter("q")).orElse(""));
            FirstScreen.split(m);
            html(resp, "runs", m);
            return;
        }
        if (rest.isEmpty()) {
            Map<String, Object> m = model("Runs", "Runs");
            m.put("runs", rows(site.index().all(), Links.SERVED));
            m.put("filter", Optional.ofNullable(req.getParameter("q")).orElse(""));
            FirstScreen.split(m);
            html(resp, "runs", m);
            return;
        }
        Optional<RunRecord> run = site.index().find(rest);
        if (run.isEmpty()) {
            notFound(resp, "no run " + rest);
            return;
        }
        Map<String, Object> m = detail(run.get(), model("Run " + rest, "Runs"), Links.SERVED);
        answer(run.get(), m);
        html(resp, "run-detail", m);
    }

    /** The whole query's rows as a CSV download, or a 400 with the reason when the expression is invalid. */
    private static void csv(HttpServletResponse resp, String answer) throws IOException {
        if (answer.startsWith("{\"error\"")) {
            resp.setStatus(answer.contains("\"status\":2") ? 400 : 500);
            resp.setContentType("text/plain;charset=utf-8");
            resp.getOutputStream().write(com.google.gson.JsonParser.parseString(answer).getAsJsonObject().get("error")
                    .getAsString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        resp.setContentType("text/csv;charset=utf-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"runs.csv\"");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The answer file's Answer and Numbers sections filled from this run, when the experiment has one. */
    private void answer(RunRecord r, Map<String, Object> m) throws IOException {
        java.nio.file.Path file = site.index().experiments().resolve(r.experiment() + ".md");
        if (!java.nio.file.Files.isRegularFile(file)) {
            return;
        }
        AnswerFile a = AnswerFile.read(file);
        m.put("hasAnswer", true);
        m.put("questions", String.join(", ", a.questions()));
        List<String> notes = new ArrayList<>();
        m.put("answer", QuestionPage.section(site.markdown(), a, "Answer", r.document(), notes));
        if (!a.section("Derivation").isEmpty()) {
            m.put("hasDerivation", true);
            m.put("derivation", QuestionPage.section(site.markdown(), a, "Derivation", r.document(), notes));
        }
        if (!a.section("Printed solution").isEmpty()) {
            m.put("hasPrinted", true);
            m.put("printed", QuestionPage.section(site.markdown(), a, "Printed solution", r.document(), notes));
        }
        m.put("numbers", QuestionPage.section(site.markdown(), a, "Numbers", r.document(), notes));
        m.put("notes", notes.stream().distinct().toList());
        m.put("hasNotes", !notes.isEmpty());
        if (!a.questions().isEmpty()) {
            m.put("questionHref", Links.SERVED.question(a.questions().get(0)) + "?run=" + r.id());
        }
    }

    static List<Map<String, Object>> rows(List<RunRecord> runs, Links links) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("href", links.run(r.id()));
            row.put("experiment", r.experiment());
            row.put("runId", r.runId());
            row.put("runTitle", Prose.unicode(r.title()));
            row.put("startedAt", r.startedAt());
            row.put("status", r.status());
            row.put("missing", missing(r.document()));
            row.put("hasMissing", r.document().has("missing"));
            row.put("homework", r.homework());
            row.put("why", r.why());
            row.put("thirdParty", !r.thirdParty().isEmpty());
            row.put("overrides", String.join(" ", r.overrides()));
            row.put("versions", versions(r.document()));
            row.put("duration", Json.text(Json.at(r.document(), "provenance.durationMs"), 4));
            row.put("mcmcHref", links.live() ? McmcDraws.href(r) : null);
            rows.add(row);
        }
        return rows;
    }

    /**
     * The points a partial sweep lacks, from its {@code missing[]}: the point's index, its sweep values
     * as {@code key=value} and why it is missing (empty for a whole run).
     */
    static List<Map<String, Object>> missing(JsonObject doc) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonElement missing = doc.get("missing");
        if (missing == null || !missing.isJsonArray()) {
            return out;
        }
        for (JsonElement e : missing.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject point = e.getAsJsonObject();
            List<String> set = new ArrayList<>();
            JsonElement values = point.get("set");
            if (values != null && values.isJsonObject()) {
                values.getAsJsonObject().entrySet().forEach(v -> set.add(v.getKey() + "=" + org.workbench.api.result.PointLabel.value(Json.plain(v.getValue()), 6)));
            }
            out.add(Map.of("point", Json.text(point.get("point"), 6), "set", String.join(" ", set),
                    "reason", Json.text(point.get("reason"), 6)));
        }
        return out;
    }

    private static String versions(JsonObject doc) {
        List<String> out = new ArrayList<>();
        JsonElement c = Json.at(doc, "provenance.components");
        if (c != null && c.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : c.getAsJsonObject().entrySet()) {
                if (e.getValue().isJsonObject()) {
                    JsonObject o = e.getValue().getAsJsonObject();
                    out.add((o.has("name") ? o.get("name").getAsString() : e.getKey())
                            + (o.has("version") ? " " + o.get("version").getAsString() : ""));
                }
            }
        }
        return String.join(", ", out);
    }

    static Map<String, Object> detail(RunRecord r, Map<String, Object> m, Links links) {
        m.put("id", r.id());
        m.put("experiment", r.experiment());
        m.put("runTitle", Prose.unicode(r.title()));
        m.put("status", r.status());
        m.put("homework", r.homework());
        m.put("why", r.why());
        m.put("thirdParty", !r.thirdParty().isEmpty());
        m.put("overrides", String.join(" ", r.overrides()));
        m.put("missing", missing(r.document()));
        m.put("hasMissing", r.document().has("missing"));
        List<Map<String, Object>> keys = new ArrayList<>();
        Map<String, Object> sweep = r.document().has("results") ? null : PointTables.of(r.document());
        if (sweep != null) { // a sweep: a row per point, a column per key
            m.put("sweepPoints", sweep);
            m.put("recordTables", sweep.get("records"));
        } else {
            JsonElement results = r.document().get("results");
            m.put("recordTables", RecordTables.of(results));
            for (Map.Entry<String, JsonElement> e : Json.flatten(RecordTables.rest(results)).entrySet()) {
                String text = Json.text(e.getValue(), 4);
                keys.add(Map.of("key", e.getKey(), "value", text.length() > 300 ? text.substring(0, 300) + " …" : text));
            }
        }
        m.put("keys", keys);
        m.put("hasKeys", !keys.isEmpty());
        List<Map<String, Object>> images = QuestionPage.images(r, links);
        List<Map<String, Object>> charts = Charts.of(r.document());
        // an image a chart of the same title already shows folds away beneath the charts, as on the
        // question's page, so that each curve is seen once
        ChartImages run = ChartImages.split(images.stream().filter(i -> "".equals(i.get("point"))).toList(), charts);
        m.put("images", run.unpaired());
        m.put("chartImages", run.paired());
        m.put("hasChartImages", !run.paired().isEmpty());
        m.put("pointImages", images.stream().filter(i -> !"".equals(i.get("point"))).toList());
        long points = images.stream().filter(i -> !"".equals(i.get("point"))).count();
        m.put("pointCount", points);
        m.put("hasPointImages", points > 0);
        m.put("charts", Json.SAFE.toJson(charts));
        m.put("tables", Tables.of(r.document()));
        m.put("descriptor", Json.PRETTY.toJson(Json.at(r.document(), "provenance.effectiveDescriptor")));
        m.put("provenance", Json.PRETTY.toJson(r.document().get("provenance")));
        m.put("resultHref", links.file(r.id(), "result.json"));
        files(r, m, links);
        m.put("evaluations", RunEvaluation.all(r.folder()));
        RunLogText.of(r.folder()).ifPresent(log -> {
            m.put("hasLog", true);
            m.put("log", log);
            m.put("logHref", links.file(r.id(), RunLogText.FILE));
        });
        m.put("mcmcHref", links.live() ? McmcDraws.href(r) : null);
        return m;
    }

    /** A link to the MCMC page of each row of the store's page whose run kept sampler draws. */
    @SuppressWarnings("unchecked")
    private void mcmcLinks(Map<String, Object> m) throws IOException {
        if (m.get("runs") instanceof List<?> rows) {
            // the descriptors' hashes once for the page, not once a row (each a listing of experiments/)
            Map<String, String> hashes = site.index().hashes();
            for (Object row : rows) {
                if (row instanceof Map<?, ?> r && r.get("id") instanceof String id && id.indexOf('/') > 0) {
                    int slash = id.indexOf('/');
                    site.index().find(id.substring(0, slash), id.substring(slash + 1), hashes).map(McmcDraws::href)
                            .ifPresent(h -> ((Map<String, Object>) r).put("mcmcHref", h));
                }
            }
        }
    }

    /** The Files section: every file of the run folder, and its zip while serving. */
    private static void files(RunRecord r, Map<String, Object> m, Links links) {
        List<Map<String, Object>> files = new ArrayList<>();
        long total = 0;
        try {
            for (RunFolder.Entry e : RunFolder.files(r.folder())) {
                files.add(Map.of("path", e.path(), "size", e.readableSize(), "href", links.file(r.id(), e.path())));
                total += e.size();
            }
        } catch (java.io.IOException e) {
            m.put("filesError", "the run folder could not be listed: " + e.getMessage());
        }
        m.put("files", files);
        m.put("filesSummary", files.size() + (files.size() == 1 ? " file, " : " files, ") + RunFolder.readable(total));
        if (links.live()) {
            m.put("zipHref", RunArchive.href(r));
        }
    }
}

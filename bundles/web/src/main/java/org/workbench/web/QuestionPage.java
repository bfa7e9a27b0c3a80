package org.workbench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code /question/<id>}: the question, and for each experiment answering it the answer in words,
 * the derivation, the printed solution's slips, the key numbers and the plot that supports it (filled
 * from the latest homework run, or from the run named by {@code ?run=<experiment>/<runId>}, whose
 * overrides are then named at the top), with how it was computed, further plots, the descriptor and
 * the provenance folded away below.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/question/*",
        "osgi.http.whiteboard.servlet.name=workbench-question" })
public final class QuestionPage extends Page {
    private static final long serialVersionUID = 1L;

    @Activate
    public QuestionPage(@Reference Site site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Homework hw = Homework.read(site.index().experiments());
        Homework.Question q = hw.question(id);
        if (q == null) {
            notFound(resp, "no question '" + id + "' in the problem set");
            return;
        }
        Optional<RunRecord> chosen = Optional.empty();
        String runParam = req.getParameter("run");
        if (runParam != null && !runParam.isBlank()) {
            chosen = site.index().find(runParam);
            if (chosen.isEmpty()) {
                notFound(resp, "no run " + runParam);
                return;
            }
        }
        Map<String, Object> m = model("Question " + id, "Home");
        html(resp, "question", build(site.index(), site.markdown(), q, m, Links.SERVED, chosen.orElse(null), null));
    }

    /**
     * The model of one question: its text and one block per answering experiment.
     *
     * @param chosen   a run (possibly ad hoc) to fill its experiment's answer from, or null for the
     *                 latest homework runs
     * @param rendered in the static report: the experiments already shown under an earlier question
     *                 (base to question id), which this question then references instead of repeating;
     *                 null on a served page
     */
    static Map<String, Object> build(RunIndex index, Markdown md, Homework.Question q, Map<String, Object> m,
            Links links, RunRecord chosen, Map<String, String> rendered) throws IOException {
        return build(index, index.overview(q.answers().stream().map(AnswerFile::base).distinct().toList()), md, q, m,
                links, chosen, rendered);
    }

    /**
     * {@link #build(RunIndex, Markdown, Homework.Question, Map, Links, RunRecord, Map)} from an overview
     * already read that holds each of the question's experiments (the report and the hand-in read one for
     * every question).
     */
    static Map<String, Object> build(RunIndex index, RunIndex.Overview overview, Markdown md, Homework.Question q,
            Map<String, Object> m, Links links, RunRecord chosen, Map<String, String> rendered) throws IOException {
        m.put("id", q.id());
        m.put("questionTitle", Prose.unicode(q.title()));
        Map<String, Path> descriptors = index.descriptors();
        String questionText = q.answers().isEmpty() ? "" : q.answers().get(0).section("Question");
        m.put("question", md.html(questionText));
        List<Map<String, Object>> experiments = new ArrayList<>();
        for (AnswerFile a : q.answers()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", a.base());
            e.put("anchor", (links.live() ? "exp-" : "q-" + q.id() + "-") + a.base());
            // the report holds every question: its ids carry the question, so that none repeats
            e.put("idPrefix", links.live() ? "" : "q-" + q.id() + "-");
            if (rendered != null && rendered.containsKey(a.base())) {
                e.put("see", rendered.get(a.base()));
                e.put("seeHref", links.question(rendered.get(a.base())) + (links.live() ? "" : "-" + a.base()));
                e.put("title", a.base());
                experiments.add(e);
                continue;
            }
            if (rendered != null) {
                rendered.put(a.base(), q.id());
            }
            Optional<RunRecord> run = chosen != null && chosen.experiment().equals(a.base()) ? Optional.of(chosen)
                    : overview.experiments().get(a.base()).latest();
            JsonObject doc = run.map(RunRecord::document).orElse(null);
            e.put("title", doc != null ? Prose.unicode(run.get().title()) : a.base());
            List<String> notes = new ArrayList<>();
            e.put("answer", section(md, a, "Answer", doc, notes));
            e.put("derivation", section(md, a, "Derivation", doc, notes));
            e.put("hasDerivation", !a.section("Derivation").isEmpty());
            e.put("printed", section(md, a, "Printed solution", doc, notes));
            e.put("hasPrinted", !a.section("Printed solution").isEmpty());
            e.put("numbers", section(md, a, "Numbers", doc, notes));
            e.put("hasNumbers", !a.section("Numbers").isEmpty());
            e.put("computed", section(md, a, AnswerFile.COMPUTED, doc, notes));
            e.put("notes", notes.stream().distinct().toList());
            e.put("hasNotes", !notes.isEmpty());
            e.put("ran", run.isPresent());
            e.put("status", HomePage.HomeModel.status(a.base(), overview.experiments().get(a.base())));
            run.ifPresent(r -> {
                e.put("run", r.id());
                e.put("runHref", links.run(r.id()));
                e.put("adhoc", !r.homework());
                e.put("why", r.why());
                e.put("overrides", String.join(" ", r.overrides()));
                e.put("hasOverrides", !r.overrides().isEmpty());
                List<Map<String, Object>> images = images(r, links);
                List<Map<String, Object>> main = new ArrayList<>();
                List<Map<String, Object>> more = new ArrayList<>();
                List<Map<String, Object>> points = new ArrayList<>();
                for (Map<String, Object> image : images) {
                    (a.plots().contains(image.get("name")) ? main : "".equals(image.get("point")) ? more : points).add(image);
                }
                e.put("images", more);
                e.put("hasImages", !more.isEmpty());
                e.put("pointImages", points);
                e.put("pointCount", points.size());
                e.put("hasPointImages", !points.isEmpty());
                // the interactive charts are the visible rendering of the run's curves; an answer's plot
                // that a chart of the same title shows folds away beneath them, so each curve shows once
                List<Map<String, Object>> charts = Charts.of(r.document());
                ChartImages paired = ChartImages.split(main, charts);
                e.put("charts", Json.SAFE.toJson(charts));
                e.put("hasCharts", charts.stream().anyMatch(c -> !((List<?>) c.get("series")).isEmpty()));
                e.put("mainImages", paired.unpaired());
                e.put("chartImages", paired.paired());
                e.put("hasChartImages", !paired.paired().isEmpty());
                e.put("mcmcHref", links.live() ? McmcDraws.href(r) : null);
                e.put("provenance", Json.PRETTY.toJson(r.document().get("provenance")));
            });
            Path descriptor = descriptors.get(a.base());
            if (descriptor != null) {
                e.put("descriptor", Files.readString(descriptor, StandardCharsets.UTF_8));
                try {
                    JsonObject d = Json.read(descriptor);
                    e.put("description", Prose.unicode(text(d, "description")));
                } catch (IOException unreadable) {
                    // shown as text above
                }
            }
            experiments.add(e);
        }
        m.put("experiments", experiments);
        if (Figures.trainsANetwork(q, descriptors)) {
            m.put("hasListings", true);
            m.put("listings", HandinModel.listings());
        }
        return m;
    }

    /** One section filled from the run, its dashes' reasons added to {@code notes}. */
    static String section(Markdown md, AnswerFile a, String title, JsonObject doc, List<String> notes) {
        Placeholders.Filled f = Placeholders.filled(a.section(title), doc);
        notes.addAll(f.notes());
        return md.html(f.text());
    }

    static List<Map<String, Object>> images(RunRecord r, Links links) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonElement artifacts = r.document().get("artifacts");
        PlotLabels labels = new PlotLabels(r.document());
        if (artifacts != null && artifacts.isJsonArray()) {
            for (JsonElement a : artifacts.getAsJsonArray()) {
                String f = a.getAsString();
                if (f.endsWith(".png")) {
                    String svg = f.substring(0, f.length() - 4) + ".svg";
                    out.add(Map.of("src", links.file(r.id(), f), "svg", links.file(r.id(), svg), "name", f,
                            "alt", labels.caption(f), "point", labels.point(f)));
                }
            }
        }
        return out;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}

package org.workbench.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /}: the problem set, problem by problem and question by question, with the status of each experiment's latest homework run. */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=workbench-home" })
public final class HomePage extends Page {
    private static final long serialVersionUID = 1L;

    @Activate
    public HomePage(@Reference Site site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!path.equals("/") && !path.isEmpty()) {
            notFound(resp, "no page " + path);
            return;
        }
        html(resp, "home", HomeModel.build(site, model("Home", "Home")));
    }

    /** The home page's model, shared with the static report. */
    static final class HomeModel {
        private HomeModel() {
        }

        static Map<String, Object> build(Site site, Map<String, Object> m) throws IOException {
            return build(site.index(), site.markdown(), m, Links.SERVED);
        }

        static Map<String, Object> build(RunIndex index, Markdown markdown, Map<String, Object> m, Links links)
                throws IOException {
            Homework hw = Homework.read(index.experiments());
            // the newest homework run of each experiment the problem set names, and the counts: from the
            // run store while serving (a folder read per experiment), else from the folders
            return build(hw, index.overview(names(hw)), markdown, m, links);
        }

        /** Every experiment the problem set's answers name, once each, in the order they answer. */
        static List<String> names(Homework hw) {
            return hw.problems().stream().flatMap(p -> p.questions().stream())
                    .flatMap(q -> q.answers().stream()).map(AnswerFile::base).distinct().toList();
        }

        /** The home page of {@code hw} from {@code overview}, which holds every experiment of {@link #names}. */
        static Map<String, Object> build(Homework hw, RunIndex.Overview overview, Markdown markdown,
                Map<String, Object> m, Links links) {
            m.put("homework", hw.title());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (Homework.Problem p : hw.problems()) {
                List<Map<String, Object>> questions = new ArrayList<>();
                for (Homework.Question q : p.questions()) {
                    List<Map<String, Object>> experiments = new ArrayList<>();
                    for (AnswerFile a : q.answers()) {
                        Map<String, Object> e = new java.util.LinkedHashMap<>(
                                status(a.base(), overview.experiments().get(a.base())));
                        e.put("first", experiments.isEmpty());
                        e.put("rows", q.answers().size());
                        e.put("experimentHref", links.live() ? links.question(q.id()) + "#exp-" + a.base()
                                : "#q-" + q.id() + "-" + a.base());
                        if (!e.get("run").equals("")) {
                            e.put("runHref", links.run((String) e.get("run")));
                        }
                        experiments.add(e);
                    }
                    questions.add(Map.of("id", q.id(), "title", Prose.unicode(q.title()), "experiments", experiments,
                            "unanswered", experiments.isEmpty(), "href", links.question(q.id())));
                }
                problems.add(Map.of("id", p.id(), "title", Prose.unicode(p.title()), "intro", markdown.html(p.intro()),
                        "questions", questions));
            }
            m.put("problems", problems);
            m.put("empty", problems.isEmpty());
            m.put("runCount", overview.runs());
            return m;
        }

        static Map<String, Object> status(String experiment, RunIndex.ExperimentStatus s) {
            Optional<RunRecord> latest = s.latest();
            long adHoc = s.adHoc();
            return Map.of("name", experiment, "done", latest.isPresent(),
                    "status", latest.map(r -> r.status() + " · " + r.startedAt()).orElse("no homework run yet"),
                    "run", latest.map(RunRecord::id).orElse(""), "adHoc", adHoc, "hasAdHoc", adHoc > 0);
        }
    }
}

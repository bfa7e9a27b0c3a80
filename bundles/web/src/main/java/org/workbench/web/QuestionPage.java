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
 * the derivation, the key numbers (filled from the latest homework run, never an ad-hoc one), the
 * plots, the descriptor and the provenance folded away.
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
        Map<String, Object> m = model("Question " + id, "Home");
        html(resp, "question", build(site.index(), site.markdown(), q, m, Links.SERVED));
    }

    static Map<String, Object> build(RunIndex index, Markdown md, Homework.Question q, Map<String, Object> m,
            Links links) throws IOException {
        m.put("id", q.id());
        m.put("questionTitle", q.title());
        List<RunRecord> runs = index.all();
        Map<String, Path> descriptors = index.descriptors();
        String questionText = q.answers().isEmpty() ? "" : q.answers().get(0).section("Question");
        m.put("question", md.html(questionText));
        List<Map<String, Object>> experiments = new ArrayList<>();
        for (AnswerFile a : q.answers()) {
            Optional<RunRecord> run = runs.stream().filter(r -> r.experiment().equals(a.base()) && r.homework()).findFirst();
            JsonObject doc = run.map(RunRecord::document).orElse(null);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", a.base());
            e.put("title", doc != null ? run.get().title() : a.base());
            e.put("answer", md.html(Placeholders.fill(a.section("Answer"), doc)));
            e.put("derivation", md.html(Placeholders.fill(a.section("Derivation"), doc)));
            e.put("hasDerivation", !a.section("Derivation").isEmpty());
            e.put("printed", md.html(Placeholders.fill(a.section("Printed solution"), doc)));
            e.put("hasPrinted", !a.section("Printed solution").isEmpty());
            e.put("numbers", md.html(Placeholders.fill(a.section("Numbers"), doc)));
            e.put("hasNumbers", !a.section("Numbers").isEmpty());
            e.put("ran", run.isPresent());
            e.put("status", HomePage.HomeModel.status(a.base(), runs));
            run.ifPresent(r -> {
                e.put("run", r.id());
                e.put("runHref", links.run(r.id()));
                e.put("images", images(r, links));
                e.put("hasImages", !images(r, links).isEmpty());
                e.put("charts", Json.SAFE.toJson(Charts.of(r.document())));
                e.put("provenance", Json.PRETTY.toJson(r.document().get("provenance")));
            });
            Path descriptor = descriptors.get(a.base());
            if (descriptor != null) {
                e.put("descriptor", Files.readString(descriptor, StandardCharsets.UTF_8));
                try {
                    JsonObject d = Json.read(descriptor);
                    e.put("description", text(d, "description"));
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

    static List<Map<String, Object>> images(RunRecord r, Links links) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonElement artifacts = r.document().get("artifacts");
        if (artifacts != null && artifacts.isJsonArray()) {
            for (JsonElement a : artifacts.getAsJsonArray()) {
                String f = a.getAsString();
                if (f.endsWith(".png")) {
                    String svg = f.substring(0, f.length() - 4) + ".svg";
                    out.add(Map.of("src", links.file(r.id(), f), "svg", links.file(r.id(), svg), "name", f));
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

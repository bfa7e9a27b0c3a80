package org.workbench.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The hand-in's content: the problem set problem by problem and question by question, each with
 * the question, the answer, the derivation, the notes on the printed solution, the numbers and the
 * supporting plot, filled by the same code as the question pages ({@link QuestionPage#build}) from
 * the latest homework runs; Problem 4's code; and the appendix with the provenance. The body keeps
 * nothing about the tool: no run ids, descriptors or result keys.
 */
final class HandinModel {
    private HandinModel() {
    }

    static Map<String, Object> build(RunIndex index, Markdown md, Map<String, String> versions, String command)
            throws IOException {
        Homework hw = Homework.read(index.experiments());
        Map<String, Path> descriptors = index.descriptors();
        // each experiment's newest homework run, asked once for the whole hand-in (with a run store: one request)
        RunIndex.Overview overview = index.overview(HomePage.HomeModel.names(hw));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", hw.title());
        Map<String, String> shownIn = new HashMap<>();
        Map<String, Set<String>> questionsOf = new LinkedHashMap<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        int plots = 0;
        for (Homework.Problem p : hw.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("id", p.id());
            pm.put("title", p.title());
            pm.put("intro", md.html(withoutToolNotes(p.intro())));
            List<Map<String, Object>> questions = new ArrayList<>();
            for (Homework.Question q : p.questions()) {
                Map<String, Object> page = QuestionPage.build(index, overview, md, q, new LinkedHashMap<>(), Links.REPORT, null,
                        null);
                Map<String, Object> qm = new LinkedHashMap<>();
                qm.put("id", q.id());
                qm.put("title", q.title());
                qm.put("question", page.get("question"));
                List<Map<String, Object>> answers = new ArrayList<>();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> experiments = (List<Map<String, Object>>) page.get("experiments");
                for (int i = 0; i < q.answers().size(); i++) {
                    AnswerFile a = q.answers().get(i);
                    Map<String, Object> e = experiments.get(i);
                    questionsOf.computeIfAbsent(a.base(), k -> new LinkedHashSet<>()).add(q.id());
                    Map<String, Object> am = new LinkedHashMap<>();
                    String earlier = shownIn.putIfAbsent(a.base(), q.id());
                    if (earlier != null) {
                        am.put("sameAs", earlier);
                        answers.add(am);
                        continue;
                    }
                    for (String key : List.of("answer", "derivation", "hasDerivation", "printed", "hasPrinted", "numbers",
                            "hasNumbers")) {
                        am.put(key, e.get(key));
                    }
                    if (q.answers().size() > 1) {
                        am.put("heading", e.get("title") instanceof String t ? withoutNumber(t, q.id()) : a.base());
                    }
                    Optional<RunRecord> run = overview.experiments().get(a.base()).latest();
                    List<Figures.Figure> figures = run.isPresent() ? Figures.of(a, run.get()) : List.of();
                    am.put("figures", figures.stream().map(HandinModel::figure).toList());
                    plots += figures.size();
                    answers.add(am);
                }
                qm.put("answers", answers);
                if (Figures.trainsANetwork(q, descriptors)) {
                    qm.put("hasListings", true);
                    qm.put("listings", listings());
                }
                questions.add(qm);
            }
            pm.put("questions", questions);
            problems.add(pm);
        }
        m.put("problems", problems);
        m.put("plotCount", plots);
        m.put("appendix", appendix(overview, questionsOf, versions, command));
        return m;
    }

    static Map<String, Object> figure(Figures.Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("alt", f.title().isEmpty() ? f.name().replaceFirst("\\.[a-z]+$", "").replace('-', ' ') : f.title());
        if (!f.missing()) {
            m.put("src", f.src());
        }
        return m;
    }

    /** Problem 4's code listings as the templates show them. */
    static List<Map<String, Object>> listings() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Listings.Listing l : Listings.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", l.type());
            m.put("symbolicName", l.symbolicName());
            m.put("version", l.version());
            m.put("template", l.template());
            m.put("code", l.code());
            out.add(m);
        }
        return out;
    }

    /** The appendix: versions, how to reproduce, and per experiment the questions, descriptor file and seed. */
    private static Map<String, Object> appendix(RunIndex.Overview overview, Map<String, Set<String>> questionsOf,
            Map<String, String> versions, String command) {
        Map<String, Object> a = new LinkedHashMap<>();
        List<Map<String, String>> v = new ArrayList<>();
        versions.forEach((k, value) -> v.add(Map.of("name", k, "value", value)));
        a.put("versions", v);
        a.put("command", command);
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> bundles = new TreeSet<>();
        for (Map.Entry<String, Set<String>> e : questionsOf.entrySet()) {
            Optional<RunRecord> run = overview.experiments().get(e.getKey()).latest();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("questions", String.join(", ", e.getValue()));
            row.put("file", "experiments/" + e.getKey() + ".json");
            row.put("seed", run.map(r -> text(r.document().get("seed"))).orElse("not run"));
            row.put("started", run.map(r -> text(Json.at(r.document(), "provenance.startedAt")).replace('T', ' ')
                    .replaceFirst("(\\d{2}:\\d{2}:\\d{2}).*", "$1")).orElse(""));
            rows.add(row);
            run.ifPresent(r -> bundles.addAll(bundlesOf(r.document())));
        }
        a.put("runs", rows);
        a.put("bundles", String.join(", ", bundles));
        return a;
    }

    /** {@code symbolic-name version} of every component a run's provenance names. */
    static Set<String> bundlesOf(JsonObject doc) {
        Set<String> out = new TreeSet<>();
        JsonElement components = Json.at(doc, "provenance.components");
        if (components != null && components.isJsonObject()) {
            for (Map.Entry<String, JsonElement> c : components.getAsJsonObject().entrySet()) {
                List<JsonElement> entries = new ArrayList<>();
                if (c.getValue().isJsonArray()) {
                    c.getValue().getAsJsonArray().forEach(entries::add);
                } else {
                    entries.add(c.getValue());
                }
                for (JsonElement entry : entries) {
                    JsonElement bundle = Json.at(entry, "bundle");
                    JsonElement version = Json.at(entry, "version");
                    if (bundle != null && bundle.isJsonPrimitive() && version != null && version.isJsonPrimitive()) {
                        out.add(bundle.getAsString() + " " + version.getAsString());
                    }
                }
            }
        }
        return out;
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** A run's title without the question number it starts with ("2.3 The expert's prior" is "The expert's prior"). */
    static String withoutNumber(String title, String questionId) {
        String t = title.strip();
        String problem = questionId.contains(".") ? questionId.substring(0, questionId.indexOf('.')) : questionId;
        for (String prefix : List.of(questionId + " ", problem + " ")) {
            if (t.startsWith(prefix)) {
                return t.substring(prefix.length()).strip();
            }
        }
        return t.replaceFirst("^\\d+(\\.\\d+[a-z]?(–\\d?[a-z])?)?\\s+", "");
    }

    /**
     * A problem's introduction without its paragraphs about the tool: a paragraph that writes a
     * result key or a task's name as code ({@code `quadrature.*`}) is a note for the web pages.
     */
    static String withoutToolNotes(String intro) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : intro.split("\n\\s*\n")) {
            String outsideMath = paragraph.replaceAll("\\$\\$.*?\\$\\$|\\$[^$]*\\$", "");
            if (!outsideMath.contains("`")) {
                kept.add(paragraph);
            }
        }
        return String.join("\n\n", kept);
    }
}

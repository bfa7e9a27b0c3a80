package org.workbench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The problem set as the pages show it: {@code experiments/homework/index.json} orders problems and
 * questions, and each {@code experiments/<base>.md} says which questions its descriptor answers.
 * Without that index, questions are listed in the order the answer files name them.
 */
final class Homework {
    /** A question of the problem set and the descriptors (base names) that answer it, in order. */
    record Question(String id, String title, List<AnswerFile> answers) {
    }

    /** A problem: its questions. */
    record Problem(String id, String title, String intro, List<Question> questions) {
    }

    private final String title;
    private final List<Problem> problems;

    private Homework(String title, List<Problem> problems) {
        this.title = title;
        this.problems = problems;
    }

    String title() {
        return title;
    }

    List<Problem> problems() {
        return problems;
    }

    Question question(String id) {
        for (Problem p : problems) {
            for (Question q : p.questions()) {
                if (q.id().equals(id)) {
                    return q;
                }
            }
        }
        return null;
    }

    static Homework read(Path experiments) throws IOException {
        Map<String, List<AnswerFile>> byQuestion = new LinkedHashMap<>();
        if (Files.isDirectory(experiments)) {
            try (Stream<Path> s = Files.list(experiments)) {
                for (Path md : s.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList()) {
                    AnswerFile a = AnswerFile.read(md);
                    for (String q : a.questions()) {
                        byQuestion.computeIfAbsent(q, k -> new ArrayList<>()).add(a);
                    }
                }
            }
        }
        byQuestion.values().forEach(l -> l.sort(Comparator.comparingInt(AnswerFile::order).thenComparing(AnswerFile::base)));
        Path index = experiments.resolve("homework").resolve("index.json");
        if (!Files.isRegularFile(index)) {
            return fromAnswers(byQuestion);
        }
        JsonObject doc = Json.read(index);
        List<Problem> problems = new ArrayList<>();
        JsonElement ps = doc.get("problems");
        if (ps != null && ps.isJsonArray()) {
            for (JsonElement pe : ps.getAsJsonArray()) {
                JsonObject p = pe.getAsJsonObject();
                List<Question> questions = new ArrayList<>();
                JsonElement qs = p.get("questions");
                if (qs != null && qs.isJsonArray()) {
                    for (JsonElement qe : qs.getAsJsonArray()) {
                        JsonObject q = qe.getAsJsonObject();
                        String id = string(q, "id", "?");
                        questions.add(new Question(id, string(q, "title", ""), byQuestion.getOrDefault(id, List.of())));
                    }
                }
                problems.add(new Problem(string(p, "id", "?"), string(p, "title", ""), string(p, "intro", ""), questions));
            }
        }
        return new Homework(string(doc, "title", "Homework"), problems);
    }

    private static Homework fromAnswers(Map<String, List<AnswerFile>> byQuestion) {
        Map<String, List<Question>> byProblem = new LinkedHashMap<>();
        byQuestion.keySet().stream().sorted().forEach(q -> byProblem
                .computeIfAbsent(q.contains(".") ? q.substring(0, q.indexOf('.')) : q, k -> new ArrayList<>())
                .add(new Question(q, "", byQuestion.get(q))));
        List<Problem> problems = new ArrayList<>();
        byProblem.forEach((id, qs) -> problems.add(new Problem(id, "", "", qs)));
        return new Homework("Homework", problems);
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
    }
}

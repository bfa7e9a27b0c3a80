package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-in page and Problem 4's listings: the code comes from the marked regions of the
 * training bundles' sources copied in by the build, the page is self-contained and says nothing
 * about the tool in its body, and the question page of a training question shows the same code.
 */
class HandinTest {
    @TempDir
    Path dir;

    @Test
    void everyListingIsTheMarkedCodeOfItsBundle() {
        List<Listings.Listing> all = Listings.all();
        assertEquals(List.of("Relu", "Dense", "Dense", "SoftmaxCrossEntropy", "Network", "Sgd", "TrainClassifier"),
                all.stream().map(Listings.Listing::type).toList());
        Map<String, String> code = new LinkedHashMap<>();
        all.forEach(l -> code.merge(l.type(), l.code(), (a, b) -> a + "\n" + b));
        assertTrue(code.get("Dense").contains("public Matrix forward(Matrix x)"), code.get("Dense"));
        assertTrue(code.get("Dense").contains("public Matrix backward(Matrix g, boolean needInputGradient)"));
        assertTrue(code.get("Relu").contains("final class Relu extends ElementwiseActivation"));
        assertTrue(code.get("SoftmaxCrossEntropy").contains("Math.log(s)"));
        assertTrue(code.get("Sgd").contains("v[k] -= lr * g[k];"));
        assertTrue(code.get("TrainClassifier").contains("network.backward(gradient);")
                && code.get("TrainClassifier").contains("static void shuffle"), code.get("TrainClassifier"));
        for (Listings.Listing l : all) {
            assertFalse(l.code().contains("handin:"), l.type() + " shows a marker");
            assertTrue(l.version().matches("\\d+\\.\\d+\\.\\d+.*"), l.type() + " version " + l.version());
            assertTrue(l.symbolicName().startsWith("org.workbench."));
            assertTrue(l.code().lines().anyMatch(line -> !line.isEmpty() && !line.startsWith(" ")),
                    l.type() + " keeps the indentation it has in its file");
        }
    }

    @Test
    void aRegionMarkedTwiceIsOneListingWithAnElision() {
        String source = "class A {\n    // handin:begin x\n    int a() {\n        return 1;\n    }\n    // handin:end\n"
                + "    int hidden;\n    // handin:begin x\n        int b;\n    // handin:end\n}\n";
        assertEquals("int a() {\n    return 1;\n}\n    // …\n    int b;", Listings.region(source, "x", "A.java"));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Listings.region(source, "y", "A.java"));
        assertEquals("A.java: no region 'y' (marked // handin:begin y)", none.getMessage());
        assertThrows(IllegalStateException.class, () -> Listings.region("// handin:begin x\nint a;\n", "x", "A.java"));
    }

    @Test
    void theFrontMatterNamesThePlots() throws IOException {
        Path f = dir.resolve("p4.md");
        Files.writeString(f, "---\nquestions: 4\nplot: training.png, accuracy.png\n---\n## Question\nq\n");
        assertEquals(List.of("training.png", "accuracy.png"), AnswerFile.read(f).plots());
        Files.writeString(f, "---\nquestions: 4\n---\n## Question\nq\n");
        assertEquals(List.of(), AnswerFile.read(f).plots());
    }

    @Test
    void aProblemIntroductionLosesItsNotesAboutTheTool() {
        String intro = "Consider $x = \\mu + \\epsilon$.\n\nIt has the form $`a`$ too.\n\nEvery experiment runs task `gaussian-mean`.";
        assertEquals("Consider $x = \\mu + \\epsilon$.\n\nIt has the form $`a`$ too.", HandinModel.withoutToolNotes(intro));
        assertEquals("The expert's prior", HandinModel.withoutNumber("2.3 The expert's prior", "2.3"));
        assertEquals("An MLP", HandinModel.withoutNumber("4 An MLP", "4"));
    }

    @Test
    void thePageIsSelfContainedAndItsBodyHasNoRunIdsOrKeys() throws IOException {
        Path experiments = experiments();
        Path results = dir.resolve("results");
        Path run = Files.createDirectories(results.resolve("p4-mlp").resolve("20260101-000000-000-abcd"));
        String descriptorSha = RunIndex.sha256(experiments.resolve("p4-mlp.json"));
        Files.write(run.resolve("accuracy.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(run.resolve("training.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.write(run.resolve("training.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(run.resolve("result.json"), "{\"name\":\"p4-mlp\",\"title\":\"4 An MLP\",\"task\":\"train-classifier\","
                + "\"status\":\"ok\",\"seed\":181,\"results\":{\"testAccuracy\":0.84321},"
                + "\"artifacts\":[\"training.png\",\"training.svg\",\"accuracy.png\"],"
                + "\"plots\":[{\"name\":\"training\",\"title\":\"Training and test loss by epoch\",\"files\":[\"training.png\",\"training.svg\"]}],"
                + "\"provenance\":{\"components\":{\"network\":[{\"bundle\":\"org.workbench.layers-core\",\"version\":\"1.0.0\"}],"
                + "\"loss\":{\"bundle\":\"org.workbench.loss-core\",\"version\":\"1.0.0\"}},\"descriptorSha256\":\"" + descriptorSha
                + "\",\"startedAt\":\"2026-01-01T00:00:00Z\"}}");
        Path page = new HandinPages().write(results, experiments, dir.resolve("out"), Map.of("Workbench", "9.9.9"),
                "./workbench all");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertEquals(dir.resolve("out").resolve("handin.html"), page);
        // attributes only: the inlined KaTeX script's own text holds '<img src="' (its includegraphics)
        String markup = html.replaceAll("(?s)(<script[^>]*>).*?(</script>)", "$1$2");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:|#)").matcher(markup).find(), "nothing is loaded from elsewhere");
        assertFalse(html.contains("url(fonts/"), "the fonts are inlined");
        assertTrue(html.contains("data:image/svg+xml;base64,"), "the training curve is its SVG");
        assertTrue(html.contains("data:image/png;base64,"), "the accuracy curve has no SVG: its PNG");
        assertTrue(html.contains("0.8432"), "the answer is filled from the run");
        assertTrue(html.contains("alt=\"Training and test loss by epoch\""), "a figure is named by the title drawn on it");
        assertTrue(html.contains("alt=\"accuracy\""), "a figure without a recorded title by its file");
        String body = html.substring(html.indexOf("<body>"), html.indexOf("id=\"appendix\""));
        assertFalse(body.contains("20260101-000000-000-abcd"), "no run id in the body");
        assertFalse(body.contains("results.") || body.contains("{{"), "no result key in the body");
        assertTrue(body.contains("No neural-network library is used"));
        assertTrue(body.contains("public Matrix backward(Matrix g, boolean needInputGradient)"));
        Matcher questions = Pattern.compile("<span class=\"qid\">([^<]+)</span>").matcher(body);
        List<String> ids = questions.results().map(r -> r.group(1)).toList();
        assertEquals(List.of("1.1", "4"), ids);
        String appendix = html.substring(html.indexOf("id=\"appendix\""));
        assertTrue(appendix.contains("./workbench all") && appendix.contains("9.9.9") && appendix.contains("181")
                && appendix.contains("org.workbench.layers-core 1.0.0"), appendix);
    }

    @Test
    void theQuestionPageOfATrainingQuestionShowsTheCode() throws IOException {
        Path experiments = experiments();
        RunIndex index = new RunIndex(dir.resolve("none"), experiments);
        Homework hw = Homework.read(experiments);
        Map<String, Object> p4 = QuestionPage.build(index, new Markdown(), hw.question("4"), new LinkedHashMap<>(), Links.SERVED, null, null);
        assertEquals(true, p4.get("hasListings"));
        String html = new Templates().render("question", withLayout(p4));
        assertTrue(html.contains("class Relu") && html.contains("No neural-network library is used"), html);
        Map<String, Object> p1 = QuestionPage.build(index, new Markdown(), hw.question("1.1"), new LinkedHashMap<>(), Links.SERVED, null, null);
        assertFalse(p1.containsKey("hasListings"));
    }

    private static Map<String, Object> withLayout(Map<String, Object> m) {
        m.put("title", "Question");
        m.put("assets", "/static/");
        m.put("home", "/");
        m.put("live", true);
        return m;
    }

    private Path experiments() throws IOException {
        Path e = Files.createDirectories(dir.resolve("experiments"));
        Files.createDirectories(e.resolve("homework"));
        Files.writeString(e.resolve("homework").resolve("index.json"), "{\"title\":\"Homework 3\",\"problems\":["
                + "{\"id\":\"1\",\"title\":\"Gaussian\",\"intro\":\"Let $x = \\\\mu$.\\n\\nRuns task `gaussian-mean`.\","
                + "\"questions\":[{\"id\":\"1.1\",\"title\":\"Posterior\"}]},"
                + "{\"id\":\"4\",\"title\":\"MLP\",\"questions\":[{\"id\":\"4\",\"title\":\"The network\"}]}]}");
        Files.writeString(e.resolve("p1-1.json"), "{\"format\":1,\"name\":\"p1-1\",\"task\":{\"use\":\"gaussian-mean\"}}");
        Files.writeString(e.resolve("p1-1.md"), "---\nquestions: 1.1\n---\n## Question\nDerive $\\mu|D$.\n\n## Answer\nGaussian.\n");
        Files.writeString(e.resolve("p4-mlp.json"), "{\"format\":1,\"name\":\"p4-mlp\",\"task\":{\"use\":\"train-classifier\"}}");
        Files.writeString(e.resolve("p4-mlp.md"), "---\nquestions: 4\n---\n## Question\nTrain it.\n\n## Answer\n"
                + "Test accuracy {{results.testAccuracy:4}}.\n");
        return e;
    }
}

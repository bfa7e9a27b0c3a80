package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that stays true for any run: every shipped answer is rendered by the real web workbench against
 * a real run of its descriptor with overrides (cheap ones, one set per experiment), and the page must
 * name the overrides at the top, show the overridden value where the prose states the parameter, never
 * the homework's value, and hold no missing-placeholder marker and no dash for a value the run lacks.
 */
class AnswersUnderOverridesIT {
    /**
     * An experiment's overrides, a text the answer must then show, and the homework's text it must not.
     *
     * @param set       the {@code --set} overrides
     * @param shows     what the rendered answer holds with them
     * @param notShows  the same statement with the homework's value
     */
    record Case(List<String> set, String shows, String notShows) {
    }

    static final Map<String, Case> CASES = Map.ofEntries(
            Map.entry("p1-1-posterior", new Case(List.of("prior.variance=9"), "\\tau^2 = 9", "\\tau^2 = 4")),
            Map.entry("p1-2ab-mle-map", new Case(List.of("likelihood.variance=2"), "\\sigma^2 = 2", "\\sigma^2 = 1")),
            Map.entry("p1-2c-map-vs-predictive-mean", new Case(List.of("prior.variance=9"), "\\tau^2 = 9", "\\tau^2 = 1")),
            Map.entry("p1-2d-plugin-predictives", new Case(List.of("likelihood.variance=2"), "\\sigma^2 = 2", "\\sigma^2 = 1")),
            Map.entry("p1-2e-variance-vs-n", new Case(List.of("prior.variance=9"), "\\tau^2 = 9", "\\tau^2 = 4")),
            Map.entry("p1-3-shrinkage", new Case(List.of("data.n=7"), "n = 7", "n = 5")),
            Map.entry("p1-3a-sum-zero", new Case(List.of("data.values=[-3,1,2]"), "[-3, 1, 2]", "[-2, -1, 0.5, 2.5]")),
            Map.entry("p1-3b-sum-positive", new Case(List.of("data.values=[2,1.5]"), "[2, 1.5]", "[0.5, 1.5, 2, -0.4]")),
            Map.entry("p1-3c-sum-negative", new Case(List.of("data.values=[-2,-1.5]"), "[-2, -1.5]", "[-0.5, -1.5, 1, -0.8]")),
            Map.entry("p1-4-ratio-limit", new Case(List.of("prior.variance=9"), "\\tau^2 = 9", "\\tau^2 = 4")),
            Map.entry("p1-laplace-prior", new Case(List.of("prior.scale=2"), "\\tau = 2", "\\tau = 0.5")),
            Map.entry("p2-1-log-posterior", new Case(List.of("prior.scale=3", "sampler.iterations=600"), "\\tau = 3", "\\tau = 2")),
            Map.entry("p2-2-map-lasso", new Case(List.of("prior.scale=0.05"), "\\tau = 0.05", "\\tau = 0.02")),
            Map.entry("p2-3-expert-prior-study", new Case(List.of("task.expertReplications=20", "likelihood.variance=2"),
                    "\\sigma^2 = 2", "\\sigma^2 = 4")),
            Map.entry("p2-3-expert-prior", new Case(List.of("likelihood.variance=2", "sampler.iterations=600"), "\\sigma^2 = 2",
                    "\\sigma^2 = 4")),
            Map.entry("p2-4-tau-path", new Case(List.of("data.n=60"), "N = 60", "N = 50")),
            Map.entry("p2-5-map-vs-posterior-mean", new Case(List.of("task.replications=4", "task.testSize=100", "data.n=20",
                    "sampler.iterations=150", "sampler.burnIn=50"), "N = 20", "N = 30")),
            Map.entry("p3-1-shapes", new Case(List.of("network.0.out=6"), "H = 6", "H = 5")),
            Map.entry("p3-2-gradients-inline", new Case(List.of("task.y=0"), "y = 0", "y = 1")),
            Map.entry("p3-2-gradients-seeded", new Case(List.of("task.epsilon=0.00001"), "\\epsilon = 1e-5", "\\epsilon = 1e-6")),
            Map.entry("p4-fashion-mnist-mlp", new Case(List.of("task.epochs=3", "data.trainLimit=300", "data.testLimit=100"),
                    "3 epochs", "10 epochs")),
            Map.entry("p4-template-mlp-seeds", new Case(List.of("task.epochs=3", "data.trainLimit=300", "data.testLimit=100"),
                    "3 epochs", "10 epochs")));

    @TempDir
    static Path work;
    static WebServer server;

    @BeforeAll
    static void boot() throws Exception {
        server = new WebServer(work, WorkbenchRuntimeIT.EXPERIMENTS.toAbsolutePath().normalize());
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyShippedDescriptorHasAnOverrideCase() throws IOException {
        List<String> bases = new ArrayList<>();
        try (Stream<Path> s = Files.list(WorkbenchRuntimeIT.EXPERIMENTS)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .forEach(n -> bases.add(n.substring(0, n.length() - ".json".length())));
        }
        assertEquals(bases.stream().sorted().toList(), CASES.keySet().stream().sorted().toList());
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerFollowsARunWithOverrides() {
        return CASES.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String base = e.getKey();
            Case c = e.getValue();
            List<String> args = new ArrayList<>(List.of("run", WorkbenchRuntimeIT.EXPERIMENTS.resolve(base + ".json").toString(),
                    "--out", server.results.toString(), "--quiet"));
            c.set().forEach(s -> {
                args.add("--set");
                args.add(s);
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = server.launcher.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
            Path result = Path.of(lines[lines.length - 1]);
            String runId = base + "/" + result.getParent().getFileName();
            HttpResponse<String> page = server.get("runs/" + runId);
            assertEquals(200, page.statusCode(), page.body());
            String html = page.body();
            String banner = text(between(html, "id=\"run-overrides\"", "</p>"));
            for (String s : c.set()) {
                assertTrue(banner.contains(s), "the top names the override " + s + ": " + banner);
            }
            String answer = text(between(html, "id=\"run-answer\"", "</section>"));
            assertFalse(answer.contains("⟨"), base + ": a placeholder the run lacks\n" + answer);
            assertFalse(answer.contains("A dash stands for"), base + ": a value the run lacks\n" + answer);
            assertTrue(answer.contains(c.shows()), base + " does not show '" + c.shows() + "':\n" + answer);
            assertFalse(answer.contains(c.notShows()), base + " still states the homework's '" + c.notShows() + "':\n" + answer);
        }));
    }

    @Test
    void aQuestionPageShowsTheNamedRunWithItsOverridesAtTheTop() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = server.launcher.execute(new String[] { "run", WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json")
                .toString(), "--out", server.results.toString(), "--quiet", "--set", "prior.variance=9" },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String runId = "p1-1-posterior/" + Path.of(lines[lines.length - 1]).getParent().getFileName();
        String html = server.get("question/1.1?run=" + runId).body();
        String banner = text(between(html, "id=\"overrides-p1-1-posterior\"", "</p>"));
        assertTrue(banner.contains("prior.variance=9"), banner);
        String answer = text(between(html, "class=\"answer\"", "<h3>Derivation"));
        assertTrue(answer.contains("\\tau^2 = 9") && !answer.contains("\\tau^2 = 4"), answer);
        assertTrue(html.indexOf("overrides-p1-1-posterior") < html.indexOf("class=\"answer\""), "the overrides come first");
        assertTrue(html.indexOf("<details class=\"computed\"") > html.indexOf("class=\"numbers\""),
                "how it was computed is folded below the answer");
    }

    /**
     * The question page of 1.1 from a homework run, as headless Chromium shows it 1366 and 390 px wide,
     * saved under {@code target/screenshots/} for a person to look at (skipped without Chromium).
     */
    @Test
    void aQuestionPageAt1366And390PixelsWide() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "needs Debian's chromium");
        int status = server.launcher.execute(new String[] { "run", WorkbenchRuntimeIT.EXPERIMENTS.resolve("p1-1-posterior.json")
                .toString(), "--out", server.results.toString(), "--quiet" }, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        String html = server.get("question/1.1").body();
        assertFalse(html.contains("overrides-p1-1-posterior"), "a homework run names no overrides");
        assertTrue(html.contains("posterior.png"), "the answer's plot is shown");
        Path shots = Files.createDirectories(Path.of(System.getProperty("workbench.screenshots", "target/screenshots")));
        for (int width : new int[] { 1366, 390 }) {
            Path png = shots.resolve("question-1.1-" + width + ".png");
            Files.deleteIfExists(png);
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + work.resolve("chromium-" + width),
                    "--virtual-time-budget=3000", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + ",2600",
                    server.url + "question/1.1").redirectErrorStream(true).redirectOutput(work.resolve("chromium-" + width + ".log")
                            .toFile()).start();
            assertTrue(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "chromium did not finish");
            assertTrue(Files.size(png) > 10_000, png + " is empty");
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertEquals(width, image.getWidth(), png.toString());
        }
    }

    private static String between(String html, String from, String to) {
        int a = html.indexOf(from);
        assertTrue(a >= 0, "no " + from);
        int b = html.indexOf(to, a);
        return html.substring(a, b < 0 ? html.length() : b);
    }

    /** The page's text: tags dropped, entities decoded (the TeX of math spans stays as written). */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#61;", "=").replace("&amp;", "&").replaceAll("[ \\t]+", " ");
    }
}

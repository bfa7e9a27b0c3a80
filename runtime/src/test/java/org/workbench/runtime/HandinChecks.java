package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-in as a grader gets it: {@code handin.pdf}'s text (poppler's {@code pdftotext}) holds
 * every question number of the problem set, Problem 4's code (a class with its forward and
 * backward methods) and no result key, run id or unfilled placeholder. The PDF is kept under
 * {@code target/handin/} for a person to look at.
 */
final class HandinChecks {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
    /** A run folder's name: {@code 20261207-052146-779-099e}. */
    static final Pattern RUN_ID = Pattern.compile("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4}");

    private HandinChecks() {
    }

    /**
     * @param status  the exit status of {@code handin --out results}
     * @param out     its standard output
     */
    static void check(int status, String out, String err, Path results, Path experiments) throws Exception {
        Path html = results.resolve("handin.html");
        if (!Files.isExecutable(CHROMIUM)) {
            assertEquals(1, status, "without Chromium handin fails: " + err);
            assertTrue(err.contains("apt-get install chromium") && Files.isRegularFile(html), err);
            assumeTrue(false, "needs Debian's chromium for handin.pdf (.ci/run installs it)");
        }
        assertEquals(0, status, err);
        Path pdf = results.resolve("handin.pdf");
        assertEquals(List.of(html.toString(), pdf.toString()), out.strip().lines().toList());
        Path kept = Files.createDirectories(Path.of("target", "handin"));
        Files.copy(pdf, kept.resolve("handin.pdf"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(html, kept.resolve("handin.html"), StandardCopyOption.REPLACE_EXISTING);
        assumeTrue(Files.isExecutable(PDFTOTEXT), "needs poppler-utils' pdftotext (.ci/run installs it)");
        String text = pdfText(pdf);
        for (String id : HomeworkAnswers.questionIds(experiments.resolve("homework").resolve("index.json"))) {
            assertTrue(Pattern.compile("(?m)^\\f?" + Pattern.quote(id) + "\\s").matcher(text).find(),
                    "question " + id + " is in handin.pdf");
        }
        for (String code : List.of("final class Relu", "public Matrix forward(Matrix x)",
                "public Matrix backward(Matrix g, boolean needInputGradient)", "public double evaluate(",
                "public void step(List<Weights> weights)", "network.backward(gradient);", "No neural-network library is used")) {
            assertTrue(text.contains(code), "Problem 4's code in handin.pdf: " + code);
        }
        String body = text.substring(0, text.indexOf("Appendix: how these answers were computed"));
        List<String> tool = new ArrayList<>();
        Matcher runId = RUN_ID.matcher(text);
        while (runId.find()) {
            tool.add(runId.group());
        }
        Matcher key = Pattern.compile("results\\.[A-Za-z]\\S*|⟨missing[^⟩]*⟩?|\\{\\{[^}]*}}").matcher(body);
        while (key.find()) {
            tool.add(key.group());
        }
        assertEquals(List.of(), tool, "handin.pdf's body names no result key, file or run");
        Matcher tex = Pattern.compile("\\\\(frac|mathbf|mathcal|sum|left|right|sigma|tau|mu)\\b|\\$\\$").matcher(body);
        assertFalse(tex.find(), "the math is typeset, not raw LaTeX: " + (tex.find(0) ? tex.group() : ""));
        assertTrue(text.contains("./workbench all"), "the appendix names the command that reproduces it");
    }

    private static String pdfText(Path pdf) throws IOException, InterruptedException {
        Path txt = pdf.resolveSibling("handin.txt");
        Process p = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", pdf.toString(), txt.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext: " + said);
        return Files.readString(txt, StandardCharsets.UTF_8);
    }
}

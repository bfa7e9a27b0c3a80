package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Checks the written answers beside the descriptors (the answers format): every placeholder
 * {@code {{PATH}}} or {@code {{PATH:N}}} of {@code <base>.md} resolves in the result of
 * {@code <base>.json} (rule 5: a dotted path from the result's root, numeric segments index
 * arrays), and each slip of the printed solution that an answer flags is what the workbench computes.
 */
final class HomeworkAnswers {
    /** {@code {{PATH}}} or {@code {{PATH:N}}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}:]+)(?::(\\d+))?}}");
    private static final double EXACT = 1e-12;

    private HomeworkAnswers() {
    }

    /**
     * The element a placeholder names, or {@code null} when the run lacks it (a JSON null is returned as
     * JsonNull): a dotted path from the result's root (numeric segments index arrays, negative ones from
     * the end, a key holding dots such as {@code data.n} matches whole), or the descriptor forms
     * {@code with.ROLE.PARAM}, {@code sweep.KEY.I} and {@code descriptor.PATH} (experiments/README.md).
     */
    static JsonElement resolve(JsonElement root, String path) {
        JsonElement descriptor = at(root, "provenance.effectiveDescriptor");
        if (path.startsWith("descriptor.")) {
            return at(descriptor, path.substring("descriptor.".length()));
        }
        if (path.startsWith("sweep.")) {
            return at(at(descriptor, "sweep"), path.substring("sweep.".length()));
        }
        if (path.startsWith("with.")) {
            String rolePath = path.substring("with.".length());
            int dot = rolePath.indexOf('.');
            if (dot < 0 || descriptor == null) {
                return null;
            }
            String role = rolePath.substring(0, dot);
            String param = rolePath.substring(dot + 1);
            JsonElement sweep = at(descriptor, "sweep");
            if (sweep instanceof JsonObject o && o.has(rolePath)) {
                return o.get(rolePath);
            }
            JsonElement component = at(descriptor, "components." + role);
            JsonElement v;
            if (component instanceof JsonArray) {
                int second = param.indexOf('.');
                v = second < 0 ? null : at(component, param.substring(0, second) + ".with." + param.substring(second + 1));
            } else {
                v = at(role.equals("task") ? at(descriptor, "task.with") : at(component, "with"), param);
            }
            if (v != null) {
                return v;
            }
            return at(role.equals("task") ? at(root, "provenance.task.parameters")
                    : at(at(root, "provenance.components"), role + ".parameters"), param);
        }
        return at(root, path);
    }

    private static JsonElement at(JsonElement root, String path) {
        return root == null ? null : at(root, path.split("\\."), 0);
    }

    private static JsonElement at(JsonElement current, String[] segments, int from) {
        if (from == segments.length) {
            return current;
        }
        if (current instanceof JsonObject o) {
            for (int to = segments.length; to > from; to--) {
                String key = String.join(".", java.util.Arrays.copyOfRange(segments, from, to));
                if (o.has(key)) {
                    JsonElement found = at(o.get(key), segments, to);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        if (current instanceof JsonArray a && segments[from].matches("-?\\d+")) {
            int i = Integer.parseInt(segments[from]);
            i = i < 0 ? a.size() + i : i;
            return i >= 0 && i < a.size() ? at(a.get(i), segments, from + 1) : null;
        }
        return null;
    }

    /**
     * A parameter value typed into an answer's prose instead of a placeholder: a symbol of the homework
     * (tau, sigma^2, n, N, p, H, M, b, epsilon, eta) set equal to a number, or a number of epochs,
     * replications, seeds, chains, iterations, rows or draws, in any section but the homework's Question.
     */
    static final Pattern LITERAL_PARAMETER = Pattern.compile(
            "(\\\\tau\\^2|\\\\tau|\\\\sigma\\^2|\\\\epsilon|\\\\eta|s\\^2|(?<![A-Za-z\\\\_{])[nNpHMby])\\s*=\\s*-?\\d"
                    + "|(?<![\\w.{])\\d[\\d,.]*\\s+(?:epochs?|replications|seeds|chains|iterations|rows|draws|data points)\\b"
                    + "|\\b(?:seed|learning rate|batch(?:es)? of|batch size)\\s+\\d");

    /** The literal parameter values in an answer's sections other than Question (see {@link #LITERAL_PARAMETER}). */
    static List<String> literalParameters(String markdown) {
        List<String> found = new ArrayList<>();
        String section = "";
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                continue;
            }
            if (section.isEmpty() || section.equals("Question")) {
                continue;
            }
            Matcher m = LITERAL_PARAMETER.matcher(line);
            while (m.find()) {
                found.add(section + ": '" + line.substring(Math.max(0, m.start() - 20), Math.min(line.length(), m.end() + 10)) + "'");
            }
        }
        return found;
    }

    /** The placeholders of an answer whose paths do not resolve in {@code result}. */
    static List<String> missing(String markdown, JsonObject result) {
        List<String> missing = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(markdown);
        while (m.find()) {
            if (resolve(result, m.group(1).strip()) == null) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }

    /** The front matter's {@code key: value} lines. */
    static Map<String, String> frontMatter(String markdown) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> lines = markdown.lines().toList();
        assertTrue(!lines.isEmpty() && lines.get(0).equals("---"), "an answer starts with a front matter line ---");
        int i = 1;
        for (; i < lines.size() && !lines.get(i).equals("---"); i++) {
            int colon = lines.get(i).indexOf(':');
            assertTrue(colon > 0, "front matter line '" + lines.get(i) + "' is not key: value");
            keys.put(lines.get(i).substring(0, colon).strip(), lines.get(i).substring(colon + 1).strip());
        }
        assertTrue(i < lines.size(), "the front matter is not closed by ---");
        return keys;
    }

    /** Question ids of {@code homework/index.json}, in order. */
    static List<String> questionIds(Path homework) throws IOException {
        JsonObject index = JsonParser.parseString(Files.readString(homework)).getAsJsonObject();
        List<String> ids = new ArrayList<>();
        for (JsonElement problem : index.getAsJsonArray("problems")) {
            for (JsonElement q : problem.getAsJsonObject().getAsJsonArray("questions")) {
                ids.add(q.getAsJsonObject().get("id").getAsString());
            }
        }
        return ids;
    }

    /**
     * Every descriptor has an answer whose questions exist in homework/index.json, its sections come in the
     * format's order with Question and Answer present, and every question of homework/index.json is answered.
     */
    static void checkIndex(Path experiments) throws IOException {
        List<String> ids = questionIds(experiments.resolve("homework").resolve("index.json"));
        Set<String> answered = new LinkedHashSet<>();
        try (var files = Files.list(experiments)) {
            for (Path d : files.filter(p -> p.toString().endsWith(".json"))
                    .sorted().toList()) {
                Path md = answerOf(d);
                assertTrue(Files.isRegularFile(md), "no answer " + md.getFileName() + " beside " + d.getFileName());
                String text = Files.readString(md, StandardCharsets.UTF_8);
                String questions = frontMatter(text).get("questions");
                assertNotNull(questions, md + " has no questions: line");
                for (String q : questions.split("\\s+")) {
                    assertTrue(ids.contains(q), md + " answers question " + q + ", which homework/index.json does not list");
                    answered.add(q);
                }
                List<String> headings = text.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
                List<String> order = List.of("Question", "Answer", "Derivation", "Printed solution", "Numbers",
                        "How it was computed");
                assertTrue(frontMatter(text).containsKey("plot"), md + " names no plot: (a file of its run's artifacts, or none)");
                assertEquals(List.of(), literalParameters(text), md + " types parameter values instead of placeholders");
                assertTrue(headings.contains("Question") && headings.contains("Answer"), md + ": " + headings);
                int last = -1;
                for (String h : headings) {
                    int at = order.indexOf(h);
                    assertTrue(at > last, md + ": section '" + h + "' out of the format's order " + order);
                    last = at;
                }
            }
        }
        assertEquals(new LinkedHashSet<>(ids), answered, "every question of homework/index.json has an answer");
    }

    static Path answerOf(Path descriptor) {
        String name = descriptor.getFileName().toString();
        return descriptor.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".md");
    }

    /** The answer's placeholders all resolve, and its flagged claims hold in {@code result}. */
    static void check(Path descriptor, JsonObject result) throws IOException {
        Path md = answerOf(descriptor);
        assertTrue(Files.isRegularFile(md), "no answer beside " + descriptor);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        List<String> missing = missing(text, result);
        assertEquals(List.of(), missing, md.getFileName() + " has placeholders that its result does not hold");
        List<String> artifacts = new ArrayList<>();
        result.getAsJsonArray("artifacts").forEach(a -> artifacts.add(a.getAsString()));
        for (String plot : frontMatter(text).getOrDefault("plot", "none").split("\\s*,\\s*")) {
            assertTrue(plot.equals("none") || artifacts.contains(plot), md.getFileName() + " names plot " + plot
                    + ", which its run does not write: " + artifacts);
        }
        String base = descriptor.getFileName().toString().replace(".json", "");
        switch (base) {
            case "p1-1-posterior" -> posteriorIsTheClosedForm(result);
            case "p1-2d-plugin-predictives" -> pluginPredictivesAreXGivenMu(result);
            case "p1-2e-variance-vs-n" -> excessVarianceIsThePosteriorVariance(result);
            case "p1-3-shrinkage" -> mapIsTheShrunkMle(result);
            case "p1-3a-sum-zero" -> ratioIsUndefinedAtZeroSum(result);
            case "p1-4-ratio-limit" -> ratioIsTheFactor(result);
            case "p2-1-log-posterior" -> priorConstantIsForPCoordinates(result);
            case "p2-2-map-lasso" -> lambdaIsSigma2OverTauAndTheMinimiserIsOverW(result);
            case "p2-3-expert-prior-study" -> priorVarianceIsItsOwnKnob(result);
            case "p2-4-tau-path" -> limitAtZeroIsMuExactly(result);
            case "p3-2-gradients-inline" -> gradientsKeepTheirShapes(result);
            case "p4-template-mlp-seeds" -> seedsAreSummarised(result);
            default -> { }
        }
    }

    /** A number of the run's effective descriptor, by the placeholder form {@code with.ROLE.PARAM}. */
    static double parameter(JsonObject doc, String rolePath) {
        JsonElement e = resolve(doc, "with." + rolePath);
        if (e instanceof JsonArray a && a.size() == 1) {
            e = a.get(0);
        }
        assertTrue(e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber(), "no number at with." + rolePath);
        return e.getAsDouble();
    }

    private static JsonObject results(JsonObject doc) {
        return doc.getAsJsonObject("results");
    }

    private static double number(JsonElement root, String path) {
        JsonElement e = resolve(root, path);
        assertTrue(e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber(), "no number at " + path);
        return e.getAsDouble();
    }

    private static List<JsonObject> points(JsonObject doc) {
        List<JsonObject> out = new ArrayList<>();
        doc.getAsJsonArray("points").forEach(p -> out.add(p.getAsJsonObject().getAsJsonObject("results")));
        return out;
    }

    /** 1.1: the posterior is N(n tau^2 xbar / (sigma^2 + n tau^2), (1/tau^2 + n/sigma^2)^-1), tau^2 and sigma^2 the run's. */
    private static void posteriorIsTheClosedForm(JsonObject doc) {
        JsonObject r = results(doc);
        double n = number(r, "n");
        double xbar = number(r, "sampleMean");
        double t2 = parameter(doc, "prior.variance");
        double s2 = parameter(doc, "likelihood.variance");
        assertEquals(n * t2 * xbar / (s2 + n * t2), number(r, "posterior.mean"), EXACT);
        assertEquals(1 / (1 / t2 + n / s2), number(r, "posterior.variance"), EXACT);
        assertTrue(number(r, "quadrature.maxAbsDifference") < 1e-9);
    }

    /** 1.2d (printed "c|mu"): x | mu_MLE ~ N(mu_MLE, sigma^2) and x | mu_MAP ~ N(mu_MAP, sigma^2). */
    private static void pluginPredictivesAreXGivenMu(JsonObject doc) {
        JsonObject r = results(doc);
        double s2 = parameter(doc, "likelihood.variance");
        assertEquals(number(r, "mle"), number(r, "pluginMle.mean"), 0.0);
        assertEquals(number(r, "map"), number(r, "pluginMap.mean"), 0.0);
        assertEquals(s2, number(r, "pluginMle.variance"), 0.0);
        assertEquals(s2, number(r, "pluginMap.variance"), 0.0);
        assertTrue(number(r, "predictive.variance") > s2);
    }

    /** 1.2e: the extra predictive variance is the posterior variance of mu (not the prior's tau^2 = 4), below sigma^2/n. */
    private static void excessVarianceIsThePosteriorVariance(JsonObject doc) {
        double t2 = parameter(doc, "prior.variance");
        double s2 = parameter(doc, "likelihood.variance");
        for (JsonObject r : points(doc)) {
            double n = number(r, "n");
            double excess = number(r, "predictiveVarianceMinusPluginVariance");
            assertEquals(number(r, "posterior.variance"), excess, EXACT);
            assertEquals(number(r, "predictive.variance") - s2, excess, EXACT);
            if (n == 0) {
                assertEquals(t2, excess, EXACT, "with no data the posterior is the prior");
            } else {
                assertTrue(excess > 0 && excess < s2 / n && excess < t2, "n = " + n + ": " + excess);
            }
        }
    }

    /** 1.3: MAP = c MLE with c = n tau^2/(n tau^2 + sigma^2) strictly between 0 and 1; the comparisons follow the sign. */
    private static void mapIsTheShrunkMle(JsonObject doc) {
        double n = parameter(doc, "data.n");
        double t2 = parameter(doc, "prior.variance");
        double s2 = parameter(doc, "likelihood.variance");
        for (JsonObject r : points(doc)) {
            double c = number(r, "shrinkage.factor");
            assertEquals(n * t2 / (n * t2 + s2), c, EXACT);
            double mle = number(r, "mle");
            assertEquals(c * mle, number(r, "map"), 1e-12 * Math.max(1, Math.abs(mle)));
            String expected = mle > 0 ? ">" : mle < 0 ? "<" : "=";
            assertEquals(expected, r.get("mleComparedToMap").getAsString());
        }
    }

    /** 1.3a and 1.4's condition: with a zero sum MLE = MAP = 0 and MAP/MLE is undefined, 0/0. */
    private static void ratioIsUndefinedAtZeroSum(JsonObject doc) {
        JsonObject r = results(doc);
        assertEquals(0.0, number(r, "mle"), 0.0);
        assertEquals(0.0, number(r, "map"), 0.0);
        assertTrue(r.get("ratioMapOverMle").isJsonNull());
        assertTrue(r.get("ratioMapOverMleReason").getAsString().contains("0/0"));
    }

    /** 1.4: MAP/MLE = n tau^2/(n tau^2 + sigma^2) for every n, rising to 1. */
    private static void ratioIsTheFactor(JsonObject doc) {
        double t2 = parameter(doc, "prior.variance");
        double s2 = parameter(doc, "likelihood.variance");
        double previous = 0;
        for (JsonObject r : points(doc)) {
            double n = number(r, "n");
            double ratio = number(r, "ratioMapOverMle");
            assertEquals(t2 * n / (t2 * n + s2), ratio, 1e-12);
            assertEquals(number(r, "shrinkage.factor"), ratio, 1e-12, "1.4's formula column is the run's shrinkage factor");
            assertTrue(ratio > previous && ratio < 1);
            previous = ratio;
        }
        double nMax = number(points(doc).get(points(doc).size() - 1), "n");
        assertTrue(1 - previous < s2 / (nMax * t2), "the gap is below sigma^2/(n tau^2)");
    }

    /** 2.1: the Laplace prior in p dimensions has the constant (2 tau)^-p, so the log joint's constant has -p log(2 tau). */
    private static void priorConstantIsForPCoordinates(JsonObject doc) {
        JsonObject r = results(doc);
        double n = number(r, "n");
        double p = number(r, "p");
        double tau = number(r, "tau");
        double sigma2 = number(r, "noiseVariance");
        double perCoordinate = -n / 2 * Math.log(2 * Math.PI * sigma2) - Math.log(2 * tau);
        double perVector = -n / 2 * Math.log(2 * Math.PI * sigma2) - p * Math.log(2 * tau);
        assertTrue(Math.abs(perVector - perCoordinate) > 0.1, "tau = " + tau + " cannot tell (2 tau)^-p from 1/(2 tau): "
                + "the answer's descriptor must use a tau with 2 tau != 1");
        double constant = number(r, "logPosterior.constantOfLogJoint");
        assertEquals(perVector, constant, 1e-9);
        assertTrue(Math.abs(constant - perCoordinate) > 0.1, "the constant is per vector, not per coordinate");
        assertTrue(number(r, "logPosterior.map") >= number(r, "logPosterior.posteriorMean"));
        assertTrue(number(r, "logPosterior.map") >= number(r, "logPosterior.truth"));
    }

    /** 2.2: lambda = sigma^2 / tau exactly (not only "lambda ~ 1/tau"), and the MAP is a certified minimiser over w. */
    private static void lambdaIsSigma2OverTauAndTheMinimiserIsOverW(JsonObject doc) {
        JsonObject r = results(doc);
        assertEquals(number(r, "noiseVariance") / number(r, "tau"), number(r, "lambda"), EXACT);
        assertEquals(number(r, "lambda") / number(r, "n"), number(r, "lassoAlpha"), EXACT);
        assertTrue(number(r, "map.dualityGap") < 1e-8, "the duality gap certifies the minimum over w");
        assertTrue(number(r, "map.entriesAtLocation") > 0);
    }

    /**
     * 2.3 (printed: the prior reuses sigma^2): the Gaussian prior's variance is a knob of its own; with the
     * noise variance fixed, the Gaussian MAP's error changes with it. Below every tau_critical the
     * v-centred MAP is exactly v, and the expert's prior beats least squares and the 0-centred prior.
     */
    private static void priorVarianceIsItsOwnKnob(JsonObject doc) {
        JsonObject r = results(doc);
        JsonArray byTau = r.getAsJsonObject("expertStudy").getAsJsonArray("byTau");
        double min = number(r, "expertStudy.tauCritical.min");
        Set<Double> gaussian = new LinkedHashSet<>();
        double ls = number(byTau.get(0), "leastSquares.mean");
        double best = Double.POSITIVE_INFINITY;
        for (JsonElement row : byTau) {
            double tau = number(row, "tau");
            gaussian.add(number(row, "gaussianAtV.mean"));
            assertEquals(ls, number(row, "leastSquares.mean"), 0.0, "least squares needs no tau");
            if (tau < min) {
                assertEquals(1.0, number(row, "laplaceAtVExactlyV"), 0.0, "tau " + tau + " is below every tau_critical");
            }
            best = Math.min(best, number(row, "laplaceAtV.mean"));
            assertTrue(number(row, "laplaceAtV.mean") < number(row, "laplaceAtZero.mean") + 3 * number(row, "laplaceAtZero.stderr"));
        }
        assertEquals(byTau.size(), gaussian.size(), "the Gaussian prior's variance 2 tau^2 changes its MAP at fixed sigma^2");
        assertTrue(best < ls / 5, "the expert's prior cuts the error of least squares several times");
    }

    /** 2.4: w_MAP = mu exactly for every tau <= tau_critical (the limit tau -> 0), and leaves mu above it. */
    private static void limitAtZeroIsMuExactly(JsonObject doc) {
        JsonObject r = results(doc);
        double p = number(r, "p");
        double critical = number(r, "tauCritical");
        JsonArray tau = r.getAsJsonObject("tauPath").getAsJsonArray("tau");
        JsonArray at = r.getAsJsonObject("tauPath").getAsJsonArray("entriesAtLocation");
        for (int i = 0; i < tau.size(); i++) {
            if (tau.get(i).getAsDouble() <= critical) {
                assertEquals(p, at.get(i).getAsDouble(), 0.0, "tau " + tau.get(i));
            } else {
                assertTrue(at.get(i).getAsDouble() < p, "tau " + tau.get(i));
            }
        }
        assertEquals(0.0, at.get(tau.size() - 1).getAsDouble(), 0.0, "tau = 100: no entry at mu (towards least squares)");
    }

    /** 3.2 with one data point: x given as a vector, gradients as arrays of rows of the parameters' shapes. */
    private static void gradientsKeepTheirShapes(JsonObject doc) {
        JsonObject r = results(doc);
        assertEquals("one data point (x a vector, y a number)", r.get("input").getAsString());
        JsonArray b2 = r.getAsJsonObject("gradients").getAsJsonArray("b2");
        assertEquals(1, b2.size());
        assertEquals(1, b2.get(0).getAsJsonArray().size(), "b2's gradient is [[g]]");
        JsonArray b1 = r.getAsJsonObject("gradients").getAsJsonArray("b1");
        assertEquals(2, b1.size());
        assertEquals(1, b1.get(0).getAsJsonArray().size(), "b1's gradient is H x 1");
        double yHat = number(r, "forward.yHat.0.0");
        assertEquals(yHat - 1, number(r, "gradients.b2.0.0"), 1e-15);
        assertTrue(number(r, "maxRelativeError") < 1e-7);
    }

    /** 4: the seed sweep gives five replications and their summary. */
    private static void seedsAreSummarised(JsonObject doc) {
        JsonObject s = doc.getAsJsonArray("summary").get(0).getAsJsonObject();
        assertEquals(5, s.getAsJsonArray("seeds").size());
        JsonObject acc = s.getAsJsonObject("results").getAsJsonObject("testAccuracy");
        assertEquals(5, acc.get("n").getAsInt());
        assertTrue(acc.get("min").getAsDouble() <= acc.get("mean").getAsDouble());
        assertTrue(acc.get("mean").getAsDouble() <= acc.get("max").getAsDouble());
        assertFalse(acc.get("sd").isJsonNull());
    }
}

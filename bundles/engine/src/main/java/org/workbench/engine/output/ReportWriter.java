package org.workbench.engine.output;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Writes {@code report.html} in a results folder: for every experiment its latest complete run,
 * with its title, key results and every PNG plot, on one page.
 */
public final class ReportWriter {
    private static final int MAX_JSON_CHARS = 6000;
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    /** Writes the report and returns its path. */
    public Path write(Path resultsFolder) throws IOException {
        Files.createDirectories(resultsFolder);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Workbench report</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("section{border-top:1px solid #ccc;padding:1em 0}img{max-width:100%;border:1px solid #eee}")
                .append("pre{background:#f6f6f6;padding:.8em;overflow:auto;max-height:28em;font-size:12px}")
                .append("nav a{display:block}</style></head><body>\n<h1>Workbench report</h1>\n");
        List<Path> runs = latestRuns(resultsFolder);
        html.append("<p>").append(runs.size()).append(" experiments, latest run of each.</p>\n<nav>");
        for (Path run : runs) {
            String name = run.getParent().getFileName().toString();
            html.append("<a href=\"#").append(escape(name)).append("\">").append(escape(name)).append("</a>");
        }
        html.append("</nav>\n");
        for (Path run : runs) {
            section(html, resultsFolder, run);
        }
        html.append("</body></html>\n");
        Path report = resultsFolder.resolve("report.html");
        Path temporary = resultsFolder.resolve(".report.html.tmp");
        Files.writeString(temporary, html, StandardCharsets.UTF_8);
        Files.move(temporary, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return report;
    }

    private static List<Path> latestRuns(Path resultsFolder) throws IOException {
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> experiments = Files.list(resultsFolder)) {
            for (Path experiment : experiments.filter(Files::isDirectory).sorted().toList()) {
                latest(experiment).ifPresent(runs::add);
            }
        }
        return runs;
    }

    private static Optional<Path> latest(Path experiment) throws IOException {
        try (Stream<Path> s = Files.list(experiment)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve("result.json")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    private static void section(StringBuilder html, Path resultsFolder, Path run) throws IOException {
        JsonObject doc;
        try (Reader r = Files.newBufferedReader(run.resolve("result.json"), StandardCharsets.UTF_8)) {
            doc = JsonParser.parseReader(r).getAsJsonObject();
        }
        String name = run.getParent().getFileName().toString();
        String relative = resultsFolder.relativize(run).toString().replace('\\', '/');
        html.append("<section id=\"").append(escape(name)).append("\">\n<h2>").append(escape(text(doc, "title", name)))
                .append("</h2>\n<p><code>").append(escape(name)).append("</code> &middot; task <code>")
                .append(escape(text(doc, "task", "?"))).append("</code> &middot; seed ").append(escape(text(doc, "seed", "?")))
                .append(" &middot; <a href=\"").append(escape(relative)).append("/result.json\">result.json</a></p>\n");
        partial(html, doc);
        JsonElement results = doc.has("results") ? doc.get("results") : doc.get("points");
        String json = PRETTY.toJson(results);
        if (json.length() > MAX_JSON_CHARS) {
            json = json.substring(0, MAX_JSON_CHARS) + "\n... (" + json.length() + " characters; see result.json)";
        }
        html.append("<pre>").append(escape(json)).append("</pre>\n");
        if (doc.has("artifacts")) {
            for (JsonElement a : doc.getAsJsonArray("artifacts")) {
                String file = a.getAsString();
                if (file.endsWith(".png")) {
                    html.append("<figure><img src=\"").append(escape(relative + "/" + file)).append("\" alt=\"")
                            .append(escape(file)).append("\"><figcaption>").append(escape(file))
                            .append(" (<a href=\"").append(escape(relative + "/" + file.replaceAll("\\.png$", ".svg")))
                            .append("\">svg</a>)</figcaption></figure>\n");
                }
            }
        }
        html.append("</section>\n");
    }

    /** A partial sweep says so, naming the points that are missing and why. */
    private static void partial(StringBuilder html, JsonObject doc) {
        if (!"partial".equals(text(doc, "status", "ok")) || !doc.has("missing")) {
            return;
        }
        html.append("<p><strong>Partial:</strong> ").append(doc.getAsJsonArray("missing").size())
                .append(" points missing (<code>./workbench run DESCRIPTOR --resume</code> runs them)</p>\n<ul>");
        for (JsonElement m : doc.getAsJsonArray("missing")) {
            JsonObject o = m.getAsJsonObject();
            html.append("<li>point ").append(escape(text(o, "point", "?"))).append(" ")
                    .append(escape(String.valueOf(o.get("set")))).append(": ").append(escape(text(o, "reason", "")))
                    .append("</li>");
        }
        html.append("</ul>\n");
    }

    private static String text(JsonObject doc, String key, String fallback) {
        return doc.has(key) && doc.get(key).isJsonPrimitive() ? doc.get(key).getAsString() : fallback;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web workbench at the HTTP level on the real runtime: strings from descriptors are escaped,
 * state-changing requests without the server's token are refused, a port in use is exit 2, and the
 * server listens on the loopback interface only and answers only requests addressed to it.
 */
class WebHttpIT {
    @TempDir
    static Path work;
    static WebServer server;

    @BeforeAll
    static void boot() throws Exception {
        server = new WebServer(work, "p1-1-posterior.json", "p4-fashion-mnist-mlp.json", "p2-1-log-posterior.json",
                "p1-2e-variance-vs-n.json");
        String evil = Files.readString(server.experiments.resolve("p1-1-posterior.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"name\": \"p1-1-posterior\"", "\"name\": \"evil-title\"")
                .replaceFirst("\"title\": \"[^\"]*\"", "\"title\": \"<script>alert('pwned')</script> & <b>bold</b>\"");
        Files.writeString(server.experiments.resolve("evil-title.json"), evil, StandardCharsets.UTF_8);
        String remote = Files.readString(server.experiments.resolve("p1-1-posterior.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"name\": \"p1-1-posterior\"", "\"name\": \"bad-executor\", \"executor\": {\"use\": \"no-such-executor\"}");
        Files.writeString(server.experiments.resolve("bad-executor.json"), remote, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void shutdown() throws Exception {
        server.close();
    }

    @Test
    void stateChangingRequestsNeedTheServersToken() throws Exception {
        assertEquals(403, server.post("api/run", "experiment=p1-1-posterior", null).statusCode());
        assertEquals(403, server.post("api/run", "experiment=p1-1-posterior", "0".repeat(48)).statusCode());
        assertEquals(403, server.post("api/cancel?id=x", "", null).statusCode());
        assertEquals(403, server.post("plugins?name=a.jar", "PK", null).statusCode());
        assertFalse(Files.exists(server.results.resolve("p1-1-posterior")), "a refused request ran nothing");
        try (var plugins = Files.list(server.plugins)) {
            assertEquals(0, plugins.count(), "a refused upload wrote nothing");
        }
    }

    @Test
    void aTitleHoldingScriptIsEscapedOnEveryPage() throws Exception {
        String token = server.token();
        HttpResponse<String> started = server.post("api/run", "experiment=evil-title", token);
        assertEquals(202, started.statusCode(), started.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find());
        String events = server.get("api/events?id=" + id.group(1)).body();
        assertTrue(events.contains("\"type\":\"finished\",\"status\":0"), events);
        Matcher run = Pattern.compile("\"run\":\"(evil-title/[^\"]+)\"").matcher(events);
        assertTrue(run.find(), events);
        for (String page : new String[] { "runs", "runs/" + run.group(1) }) {
            String body = server.get(page).body();
            assertFalse(body.contains("<script>alert"), page + " must not carry the title's script as markup");
            assertFalse(body.contains("<b>bold"), page);
            assertTrue(body.contains("&lt;script&gt;alert(") || body.contains("&lt;script&gt;alert&#40;"), page + ": " + body);
        }
    }

    /** Issue 21's details: a favicon, a skip link, aria-current, th scope, a one-run compare is a 400 page of ours, uploads 0644. */
    @Test
    void detailsAFaviconAOneRunCompareAndUploadsReadableByAll() throws Exception {
        String home = server.get("").body();
        assertTrue(home.contains("<link rel=\"icon\""), "the home page names its icon");
        assertTrue(home.contains("<a class=\"skip\" href=\"#main\">") && home.contains("<main id=\"main\">"), "a skip link");
        assertTrue(home.contains("class=\"here\" aria-current=\"page\""), "the current page is marked for screen readers");
        String runs = server.get("runs").body();
        assertFalse(runs.contains("<th>"), "every header cell says its scope");
        HttpResponse<String> one = server.get("compare?run=" + java.net.URLEncoder.encode("p1-1-posterior/none",
                StandardCharsets.UTF_8));
        assertTrue(one.statusCode() == 404 || one.statusCode() == 400, one.statusCode() + " " + one.body());
        HttpResponse<String> none = server.get("compare");
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("Nothing to compare") && none.body().contains("select two or more runs"),
                none.body());
        String token = server.token();
        HttpResponse<String> uploaded = server.http.send(HttpRequest.newBuilder(URI.create(server.url
                + "plugins?name=readable.jar")).header("Content-Type", "application/java-archive")
                .header("X-Workbench-Token", token).POST(HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] { 'P', 'K', 3, 4, ' ', 'n', 'o', 't', ' ', 'a', ' ', 'b', 'u', 'n', 'd', 'l', 'e' }))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        Path jar = server.plugins.resolve("readable.jar");
        try {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(jar)), "an uploaded plugin is readable like any other file");
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    /**
     * A run from the page takes the same way as {@code ./workbench run} (the engine's one RunService): the
     * descriptor's executor is chosen, and checked, as on the command line, where the page used to run every
     * descriptor on this machine's cores whatever it said.
     */
    @Test
    void aRunFromThePageHonoursTheDescriptorsExecutorLikeTheCommandLine() throws Exception {
        String token = server.token();
        HttpResponse<String> started = server.post("api/run", "experiment=bad-executor", token);
        assertEquals(202, started.statusCode(), started.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find());
        String events = server.get("api/events?id=" + id.group(1)).body();
        assertTrue(events.contains("\"type\":\"finished\",\"status\":2"), events);
        assertTrue(events.contains("no-such-executor"), events);
    }

    @Test
    void cancelStopsATrainingRunLikeCtrlCAndLeavesNothing() throws Exception {
        String token = server.token();
        HttpResponse<String> started = server.post("api/run", "experiment=p4-fashion-mnist-mlp&set="
                + java.net.URLEncoder.encode("data.with.trainLimit=2000\ndata.with.testLimit=500\ntask.with.epochs=1000",
                        StandardCharsets.UTF_8), token);
        assertEquals(202, started.statusCode(), started.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find());
        HttpResponse<java.util.stream.Stream<String>> events = server.http.send(HttpRequest.newBuilder(
                URI.create(server.url + "api/events?id=" + id.group(1))).GET().build(), HttpResponse.BodyHandlers.ofLines());
        java.util.Iterator<String> lines = events.body().iterator();
        String line;
        do {
            line = lines.next();
        } while (!line.contains("\"type\":\"metrics\""));
        assertEquals(202, server.post("api/cancel?id=" + id.group(1), "", token).statusCode());
        do {
            line = lines.next();
        } while (!line.contains("\"type\":\"finished\""));
        assertTrue(line.contains("\"status\":1") && line.contains("cancelled"), line);
        Path folder = server.results.resolve("p4-fashion-mnist-mlp");
        if (Files.exists(folder)) {
            try (var left = Files.list(folder)) {
                assertEquals(List.of(), left.toList(), "a cancelled run leaves no folder, complete or not");
            }
        }
    }

    /**
     * 1.2e sweeps n from 0 on a logarithmic axis: its interactive charts leave out n = 0 with the
     * PNG's note instead of drawing nothing, and every plot links to its full-size SVG.
     */
    @Test
    void aLogChartFromNZeroDrawsTheOtherPointsAndThePlotsOpenAsSvg() throws Exception {
        String token = server.token();
        HttpResponse<String> started = server.post("api/run", "experiment=p1-2e-variance-vs-n", token);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find(), started.body());
        String events = server.get("api/events?id=" + id.group(1)).body();
        Matcher run = Pattern.compile("\"run\":\"(p1-2e-variance-vs-n/[^\"]+)\"").matcher(events);
        assertTrue(run.find(), events);
        String page = server.get("runs/" + run.group(1)).body();
        assertTrue(page.replace("\\u003d", "=").contains("1 point at x = 0 left out: the x axis is logarithmic"),
                "the chart's note: " + page);
        assertTrue(page.contains("n (log scale; 0 left out)"), page);
        assertTrue(page.matches("(?s).*\"x\":\\[1(\\.0)?,2(\\.0)?,5.*"), "the chart keeps n = 1, 2, 5, ...: " + page);
        assertTrue(page.matches("(?s).*<a href=\"[^\"]*variance-vs-n\\.svg\"[^>]*><img src=\"[^\"]*variance-vs-n\\.png\".*"),
                "the PNG opens its SVG: " + page);
    }

    @Test
    void aSamplersKeptDrawsGetTracesRanksAndDiagnostics() throws Exception {
        String token = server.token();
        HttpResponse<String> started = server.post("api/run", "experiment=p2-1-log-posterior", token);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find(), started.body());
        String events = server.get("api/events?id=" + id.group(1)).body();
        Matcher run = Pattern.compile("\"run\":\"(p2-1-log-posterior/[^\"]+)\"").matcher(events);
        assertTrue(run.find(), events);
        assertTrue(server.get("mcmc").body().contains("/mcmc/" + run.group(1)));
        String page = server.get("mcmc/" + run.group(1)).body();
        assertTrue(page.contains("4 chains, 1000 kept draws each (thinned by 4)"), page);
        assertTrue(page.contains("Trace of w1") && page.contains("Rank plot of w1"), "trace and rank charts for w1");
        assertTrue(page.contains("<th scope=\"col\">Coordinate</th><th scope=\"col\">Posterior mean</th><th scope=\"col\">"
                + "R-hat</th><th scope=\"col\">Bulk ESS</th><th scope=\"col\">Tail ESS</th>"), "the statistics the task declares");
        assertTrue(page.matches("(?s).*<td>w1</td><td class=\"num\">[-0-9.]+</td><td class=\"num\">1\\.0?0?\\d*</td>.*")
                || page.matches("(?s).*<td>w1</td><td class=\"num\">[-0-9.]+</td><td class=\"num\">0\\.99\\d*</td>.*"),
                "R-hat of w1 near 1");
    }

    @Test
    void requestsAddressedToAnotherHostAreRefused() throws Exception {
        // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example:" + server.port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
        }
    }

    @Test
    void listensOnTheLoopbackInterfaceOnly() throws Exception {
        assertEquals(200, server.get("").statusCode());
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        if (outside.isPresent()) {
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(outside.get(), server.port), 2000),
                        "the server must not accept connections on " + outside.get());
            }
        }
    }

    @Test
    void otherCommandsNeitherInstallNorStartTheHttpService() throws Exception {
        try (Launcher plain = Launcher.start(WorkbenchRuntimeIT.HOME, Files.createDirectories(work.resolve("plain-plugins")), false)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, plain.execute(new String[] { "validate", server.experiments.resolve("p1-1-posterior.json").toString() },
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                            StandardCharsets.UTF_8)));
            for (org.osgi.framework.Bundle b : plain.framework().getBundleContext().getBundles()) {
                assertFalse(String.valueOf(b.getSymbolicName()).contains("http.jetty") || String.valueOf(b.getSymbolicName())
                        .equals("org.workbench.web"), "installed without serve: " + b.getSymbolicName());
            }
        }
    }

    @Test
    void aPortInUseIsExitTwoWithAClearMessage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = server.launcher.execute(new String[] { "serve", "--port", Integer.toString(server.port) },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("port " + server.port) && message.contains("in use") && message.contains("--port"),
                message);
    }

    @Test
    void resultFilesAreServedOnlyFromInsideARunFolder() throws Exception {
        HttpResponse<String> r = server.http.send(HttpRequest.newBuilder(URI.create(server.url
                + "files/p1-1-posterior/x/..%2F..%2F..%2Fetc%2Fpasswd.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        // an encoded '/' in a path is refused (400, AmbiguousPaths); a path that reaches the files servlet and
        // leaves the run folder is 404
        assertTrue(r.statusCode() == 400 || r.statusCode() == 404, r.statusCode() + ": " + r.body());
        assertFalse(r.body().contains("root:"), r.body());
        HttpResponse<String> dots = server.http.send(HttpRequest.newBuilder(URI.create(server.url
                + "files/p1-1-posterior/x/%2E%2E/%2E%2E/%2E%2E/etc/passwd")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(dots.statusCode() == 400 || dots.statusCode() == 404, dots.statusCode() + ": " + dots.body());
        assertFalse(dots.body().contains("root:"), dots.body());
    }

    /** Issue 21: a run page lists every file of its folder, and its zip holds exactly those files. */
    @Test
    void aRunsFilesAreListedAndItsZipHoldsThemAll() throws Exception {
        String token = server.token();
        HttpResponse<String> started = server.post("api/run", "experiment=p2-1-log-posterior", token);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find(), started.body());
        String events = server.get("api/events?id=" + id.group(1)).body();
        Matcher run = Pattern.compile("\"run\":\"(p2-1-log-posterior/([^\"]+))\"").matcher(events);
        assertTrue(run.find(), events);
        String page = server.get("runs/" + run.group(1)).body();
        String files = page.substring(page.indexOf("id=\"run-files\""), page.indexOf("</table>", page.indexOf("id=\"run-files\"")));
        List<String> listed = new java.util.ArrayList<>();
        Matcher href = Pattern.compile("<a href=\"/files/" + Pattern.quote(run.group(1)) + "/([^\"]+)\">").matcher(files);
        while (href.find()) {
            listed.add(href.group(1));
        }
        assertTrue(listed.containsAll(List.of("result.json", "draws.json")), "the Files section lists " + listed);
        assertTrue(page.contains("href=\"/archive/" + run.group(1) + ".zip\""), "a link to download all");
        HttpResponse<byte[]> zip = server.http.send(HttpRequest.newBuilder(URI.create(server.url + "archive/" + run.group(1) + ".zip"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        List<String> zipped = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                assertTrue(e.getName().startsWith(run.group(2) + "/"), e.getName());
                zipped.add(e.getName().substring(run.group(2).length() + 1));
                if (e.getName().endsWith("/result.json")) {
                    assertEquals(Files.readString(server.results.resolve(run.group(1)).resolve("result.json")),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(listed, zipped);
        HttpResponse<String> draws = server.get("files/" + run.group(1) + "/draws.json");
        assertEquals(200, draws.statusCode(), "every listed file is served");
        String modified = draws.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = server.http.send(HttpRequest.newBuilder(URI.create(server.url + "files/" + run.group(1) + "/draws.json"))
                .header("If-Modified-Since", modified).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode(), "a browser's copy is revalidated, not fetched again");
    }

    /** Issue 21's weight: pages and scripts gzipped, static files at versioned addresses kept a year, no KaTeX where no math. */
    @Test
    void textIsGzippedAndVersionedStaticFilesAreCachedForAYear() throws Exception {
        HttpResponse<byte[]> home = server.http.send(HttpRequest.newBuilder(URI.create(server.url + "runs"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", home.headers().firstValue("Content-Encoding").orElse(""));
        String html = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(home.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1>Runs</h1>"), html);
        assertFalse(html.contains("katex"), "a page without math names no KaTeX");
        // the page carries its style (its first paint waits for no second request) and links its script, deferred
        assertTrue(html.contains("<style>") && html.contains(".scroll"), html);
        assertFalse(html.contains("rel=\"stylesheet\""), "the runs page links no stylesheet: " + html);
        Matcher script = Pattern.compile("<script src=\"(/static/v-[0-9a-f]+/)workbench\\.js\" defer>").matcher(html);
        assertTrue(script.find(), html);
        String css = script.group(1).substring(1) + "workbench.css";
        HttpResponse<byte[]> style = server.http.send(HttpRequest.newBuilder(URI.create(server.url + css))
                .header("Accept-Encoding", "gzip, deflate").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, style.statusCode());
        assertEquals("gzip", style.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(style.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"), style.headers().toString());
        HttpResponse<byte[]> plain = server.http.send(HttpRequest.newBuilder(URI.create(server.url + css))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty() && new String(plain.body(), StandardCharsets.UTF_8)
                .contains(".scroll"), "a client that does not ask for gzip gets the plain file");
        assertEquals(200, server.get(css.replace("workbench.css", "katex/katex.min.js")).statusCode());
    }

    /** Issue 21: errors under /api/ are JSON; elsewhere a page of ours that names no servlet class. */
    @Test
    void errorsAreJsonUnderApiAndOurPageElsewhere() throws Exception {
        HttpResponse<String> api = server.get("api/run");
        assertEquals(405, api.statusCode(), api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), api.body());
        assertTrue(api.body().contains("\"error\""), api.body());
        HttpResponse<String> missing = server.get("api/nothing-here");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().startsWith("{") && missing.body().contains("\"error\""), missing.body());
        HttpResponse<String> file = server.get("files/p1-1-posterior/none/result.json");
        assertEquals(404, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), file.body());
        assertTrue(file.body().contains("class=\"error-box\""), file.body());
        // a path that reads two ways (an encoded /) is a 400 of ours, not Jetty's page: JSON under /api/
        HttpResponse<String> slashApi = server.http.send(HttpRequest.newBuilder(URI.create(server.url + "api/active%2Fx"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, slashApi.statusCode(), slashApi.body());
        assertTrue(slashApi.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), slashApi.body());
        assertTrue(slashApi.body().contains("an encoded / (%2F)"), slashApi.body());
        HttpResponse<String> slashPage = server.http.send(HttpRequest.newBuilder(URI.create(server.url + "runs/p1-1-posterior%2Fx"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, slashPage.statusCode(), slashPage.body());
        assertTrue(slashPage.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), slashPage.body());
        assertTrue(slashPage.body().contains("class=\"error-box\"") && slashPage.body().contains("%2F"), slashPage.body());
        for (HttpResponse<String> r : List.of(api, missing, file, slashApi, slashPage)) {
            assertFalse(r.body().contains("org.workbench") || r.body().contains("Servlet") || r.body().contains("jetty")
                    || r.body().contains("Ambiguous"), r.body());
        }
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web workbench in a real browser (Debian's chromium through chromedriver, headless) against
 * the real runtime: the home page, a run of p1-1 started from the page with its answer table, a
 * short p4 run whose curve updates live, a comparison of two runs and a plugin upload. Each page
 * is saved as a screenshot under {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebIT {
    static final Path PLUGIN = Path.of(System.getProperty("workbench.example.plugin")).toAbsolutePath().normalize();

    @TempDir
    static Path work;
    static WebServer server;
    static Browser chrome;
    static ChromeDriver browser;
    static String homeworkNumbers;

    @BeforeAll
    static void boot() throws Exception {
        Browser.assumeInstalled();
        server = new WebServer(work, "p1-1-posterior.json", "p4-fashion-mnist-mlp.json", "p2-1-log-posterior.json",
                "p1-2e-variance-vs-n.json");
        chrome = Browser.start(work, server.url);
        browser = chrome.driver;
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebDriverWait waiting() {
        return chrome.waiting();
    }

    static void open(String path) {
        chrome.open(path);
    }

    static void screenshot(String name) throws Exception {
        chrome.pageShot(name);
    }

    @Test
    @Order(1)
    void homeListsTheProblemSetQuestionByQuestion() throws Exception {
        open(""); // the first visit compiles the templates and activates the pages; measure the next one
        long t0 = System.nanoTime();
        open("");
        long firstPaint = (Long) ((JavascriptExecutor) browser).executeAsyncScript(FIRST_PAINT + "firstPaint(function (p) { done(Math.round(p)); });");
        System.out.println("web: home page first contentful paint " + firstPaint + " ms after navigation start (warm server), "
                + "load to ready " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Homework 3"));
        List<WebElement> questions = browser.findElements(By.cssSelector("a.q-title .q"));
        assertEquals(List.of("1.1", "1.2a", "1.2e", "4.1"), questions.stream().map(WebElement::getText).toList());
        assertTrue(browser.findElement(By.id("problem-1")).getText().contains("no homework run yet"));
        screenshot("home");
    }

    @Test
    @Order(2)
    void runP11FromThePageAndSeeItsAnswerTable() throws Exception {
        open("run?experiment=p1-1-posterior");
        browser.findElement(By.id("run-start")).click();
        WebElement table = waiting().until(d -> d.findElements(By.cssSelector("#answer-table")).stream().findFirst().orElse(null));
        assertTrue(table.getText().matches("(?s).*posterior mean.*1\\.\\d+.*"), table.getText());
        screenshot("run-p1-1");
        open("question/1.1");
        String numbers = browser.findElement(By.id("numbers-p1-1-posterior")).getText();
        assertTrue(numbers.matches("(?s).*posterior mean.*\\d\\.\\d+.*"), numbers);
        homeworkNumbers = numbers;
        assertFalse(browser.getPageSource().contains("⟨not run yet⟩"));
        assertTrue(browser.findElements(By.cssSelector(".katex")).size() > 3, "math is rendered by KaTeX");
        assertTrue(browser.findElement(By.cssSelector(".derivation")).getText().contains("<script>alert(1)</script>"),
                "raw HTML in markdown is shown as text");
        screenshot("question-1.1");
    }

    @Test
    @Order(3)
    void aShortTrainingRunUpdatesItsCurveLive() throws Exception {
        open("run?experiment=p4-fashion-mnist-mlp");
        new Select(browser.findElement(By.id("run-experiment"))).selectByValue("p4-fashion-mnist-mlp");
        WebElement set = browser.findElement(By.id("run-set"));
        set.clear();
        set.sendKeys("data.with.trainLimit=6000\ndata.with.testLimit=1000\ntask.with.epochs=5");
        browser.findElement(By.id("run-start")).click();
        WebElement charts = browser.findElement(By.id("live-charts"));
        waiting().until(d -> d.findElements(By.cssSelector("#answer-table")).size() == 1);
        // each epoch was drawn as it arrived, the first one before the run had ended
        assertEquals("5", charts.getAttribute("data-epochs"));
        assertEquals("5", charts.getAttribute("data-updates"));
        long firstShown = Long.parseLong(charts.getAttribute("data-first-shown-at"));
        long finished = Long.parseLong(charts.getAttribute("data-finished-at"));
        assertTrue(firstShown < finished, "the curve showed epoch 1 at " + firstShown + ", before the run ended at " + finished);
        long delay = Long.parseLong(charts.getAttribute("data-last-update")) - Long.parseLong(charts.getAttribute("data-last-epoch-end"));
        System.out.println("web: epoch end to curve on the page: " + delay + " ms");
        assertEquals(2, charts.findElements(By.cssSelector(".chart")).size(), "loss and accuracy in separate panels");
        screenshot("run-p4-live");
    }

    @Test
    @Order(4)
    void compareTwoRuns() throws Exception {
        open("runs?q=p1-1");
        // a second p1-1 run, ad hoc, through the page's own API
        open("run?experiment=p1-1-posterior");
        WebElement set = browser.findElement(By.id("run-set"));
        set.sendKeys("prior.with.variance=0.01");
        browser.findElement(By.id("run-start")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#answer-table")).size() == 1);
        open("runs");
        WebElement filter = browser.findElement(By.id("run-filter"));
        filter.sendKeys("p1-1");
        List<WebElement> boxes = browser.findElements(By.cssSelector("tr.run-row:not([hidden]) input[name=run]"));
        assertEquals(2, boxes.size());
        assertTrue(browser.findElement(By.id("runs-table")).getText().contains("ad hoc"));
        screenshot("runs");
        boxes.forEach(WebElement::click);
        browser.findElement(By.id("compare-button")).click();
        waiting().until(d -> d.findElements(By.id("compare-results")).size() == 1);
        String parameters = browser.findElement(By.id("compare-parameters")).getText();
        assertTrue(parameters.contains("components.prior.with.variance"), parameters);
        assertTrue(parameters.contains("0.01") && parameters.contains("4"), parameters);
        assertFalse(browser.findElements(By.cssSelector("#compare-results tr.differs")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("#compare-results thead")).getText().contains("Δ (#2 − #1)"));
        int rows = browser.findElements(By.cssSelector("#compare-results tbody tr")).size();
        browser.findElement(By.id("differences-only")).click();
        long shown = browser.findElements(By.cssSelector("#compare-results tbody tr")).stream().filter(WebElement::isDisplayed).count();
        assertTrue(shown > 0 && shown == browser.findElements(By.cssSelector("#compare-results tr.differs")).size() && shown < rows,
                "differences only shows " + shown + " of " + rows + " rows");
        browser.findElement(By.id("differences-only")).click();
        assertFalse(browser.findElement(By.id("compare-results")).getText().contains("\n."), "no key starts with a dot");
        screenshot("compare");
        open("question/1.1");
        // the run line sits in the folded "How it was computed" section: its text content, not its visible text
        assertTrue(browser.findElement(By.cssSelector("details.computed .runline")).getAttribute("textContent").contains("homework run"));
        assertEquals(homeworkNumbers, browser.findElement(By.id("numbers-p1-1-posterior")).getText(),
                "the ad-hoc run does not replace the homework answer");
        // home: the question's whole title, the experiment and the status are links
        open("");
        WebElement row = browser.findElement(By.cssSelector("#problem-1 tbody tr"));
        assertEquals("1.1 Posterior of μ given D", row.findElement(By.cssSelector("a.q-title")).getText().replace('\n', ' '));
        assertTrue(row.findElement(By.cssSelector("a[href='/question/1.1#exp-p1-1-posterior']")).getText().equals("p1-1-posterior"));
        assertTrue(row.findElement(By.cssSelector("a[href^='/runs/p1-1-posterior/']")).getText().startsWith("ok · "));
    }

    /**
     * 1.2e's run page shows its eleven points as one table, a row per point (it was a key-and-value row
     * per point and key, 550 rows): keys equal at every point share a column, a value's reason is a note,
     * and the keys equal at every point are listed once.
     */
    @Test
    @Order(6)
    void aSweepsRunPageShowsARowPerPoint() throws Exception {
        open("runs");
        String sweep = browser.findElements(By.cssSelector("tr.run-row")).stream().map(r -> r.getAttribute("data-run"))
                .filter(r -> r.startsWith("p1-2e")).findFirst().orElseThrow(); // test 5's
        open("runs/" + sweep);
        assertEquals(11, browser.findElements(By.cssSelector("#point-results tbody tr")).size());
        assertTrue(browser.findElements(By.id("result-keys")).isEmpty(), "no key-and-value row per point and key");
        List<String> headers = browser.findElements(By.cssSelector("#point-results th")).stream().map(WebElement::getText)
                .map(h -> h.replaceAll("\\s+", " ")).toList();
        assertEquals("data.n = n", headers.get(0));
        assertTrue(headers.contains("map = posterior.mean = predictive.mean = pluginMap.mean"), headers.toString());
        assertTrue(headers.stream().noneMatch(h -> h.endsWith("Reason")), "reasons are notes: " + headers);
        assertTrue(browser.findElement(By.id("point-notes")).getText().contains("no data (n = 0)"));
        assertTrue(browser.findElement(By.id("point-same")).getText().contains("noiseVariance"));
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        System.out.println("web: 1.2e's run page is " + height + " px tall with " + headers.size() + " columns of points");
    }

    @Test
    @Order(6)
    void uploadThePluginJarAndSeeItsProvider() throws Exception {
        open("plugins");
        assertFalse(browser.findElement(By.id("providers")).getText().contains("student-t"));
        browser.findElement(By.id("plugin-file")).sendKeys(PLUGIN.toAbsolutePath().toString());
        browser.findElement(By.id("plugin-upload")).click();
        waiting().until(d -> d.findElement(By.id("providers")).getText().contains("student-t"));
        assertTrue(Files.exists(server.plugins.resolve(PLUGIN.getFileName())));
        try (var files = Files.list(server.plugins)) {
            assertEquals(1, files.count(), "no temporary file is left beside the jar");
        }
        screenshot("plugins");
    }

    /**
     * 1.2e's question page draws its two sweep charts, variance against n, and a person sees the data:
     * in each chart's canvas, pixels of the first series' colour (#0072B2, the points and the line
     * between them) and of any strong colour at all (the series; grid, axes and text are grey),
     * counted from the canvas's own pixels. A chart with axes but no data has none of either.
     */
    @Test
    @Order(5)
    void theChartsOf12eDrawTheirData() throws Exception {
        java.net.http.HttpResponse<String> started = server.post("api/run", "experiment=p1-2e-variance-vs-n", server.token());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find(), started.body());
        String events = server.get("api/events?id=" + id.group(1)).body(); // the stream ends with the run
        assertTrue(events.contains("p1-2e-variance-vs-n/"), events);
        open("question/1.2e");
        waiting().until(d -> d.findElements(By.cssSelector(".main-charts .chart canvas")).size() == 2);
        assertFalse(browser.findElement(By.cssSelector("details.png-figures")).getAttribute("open") != null,
                "the PNG of the same plot is folded away under the interactive chart");
        assertTrue(browser.findElement(By.cssSelector("details.png-figures img")).getAttribute("alt").startsWith("Var(x | D)"));
        @SuppressWarnings("unchecked")
        List<List<Long>> ink = (List<List<Long>>) ((JavascriptExecutor) browser).executeScript(CHART_INK);
        List<String> titles = browser.findElements(By.cssSelector(".main-charts .chart .u-title")).stream().map(WebElement::getText).toList();
        for (int i = 0; i < ink.size(); i++) {
            long blue = ink.get(i).get(0);
            long coloured = ink.get(i).get(1);
            System.out.println("web: 1.2e chart '" + titles.get(i) + "': " + blue + " px of the first series' blue, "
                    + coloured + " px of strong colour");
            assertTrue(blue >= 150, "chart '" + titles.get(i) + "' shows only " + blue + " px of its first series");
            assertTrue(coloured >= 300, "chart '" + titles.get(i) + "' shows only " + coloured + " px of data");
        }
        assertEquals(2, ink.size());
        screenshot("question-1.2e");
        // the same count on the charts emptied as a reader can empty them (every series switched off in its
        // legend: axes, grid and labels stay) finds too little: the thresholds above tell an empty chart
        for (WebElement row : browser.findElements(By.cssSelector(".main-charts .chart .u-legend tr.u-series:not(:first-child) th"))) {
            row.click();
        }
        @SuppressWarnings("unchecked")
        List<List<Long>> empty = (List<List<Long>>) ((JavascriptExecutor) browser).executeScript(CHART_INK);
        for (int i = 0; i < empty.size(); i++) {
            System.out.println("web: 1.2e chart '" + titles.get(i) + "' with its series off: " + empty.get(i).get(0) + " px blue, "
                    + empty.get(i).get(1) + " px of strong colour");
            assertTrue(empty.get(i).get(0) < 150 && empty.get(i).get(1) < 300, "an empty chart would pass: " + empty.get(i));
        }
    }

    /** For each chart canvas on the page: pixels near #0072B2, and pixels of any strong colour (max − min channel > 80). */
    static final String CHART_INK = """
            return [].map.call(document.querySelectorAll('.main-charts .chart canvas'), function (c) {
              var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, blue = 0, coloured = 0;
              for (var i = 0; i < px.length; i += 4) {
                var r = px[i], g = px[i + 1], b = px[i + 2], a = px[i + 3];
                if (a < 128) continue;
                if (Math.abs(r - 0x00) < 60 && Math.abs(g - 0x72) < 60 && Math.abs(b - 0xB2) < 60) blue++;
                if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
              }
              return [blue, coloured];
            });
            """;

    /** Every page of the workbench with runs in it: home, questions, runs, one run of each kind (a sweep's too), compare, MCMC, plugins. */
    static List<String> everyPage() throws Exception {
        // a sampler's run, for its MCMC page's charts
        java.net.http.HttpResponse<String> started = server.post("api/run", "experiment=p2-1-log-posterior", server.token());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(started.body());
        assertTrue(id.find(), started.body());
        java.util.regex.Matcher mcmc = java.util.regex.Pattern.compile("\"run\":\"(p2-1-log-posterior/[^\"]+)\"")
                .matcher(server.get("api/events?id=" + id.group(1)).body());
        assertTrue(mcmc.find());
        open("runs");
        List<String> runs = browser.findElements(By.cssSelector("tr.run-row")).stream().map(r -> r.getAttribute("data-run")).toList();
        String p1 = runs.stream().filter(r -> r.startsWith("p1-1")).findFirst().orElseThrow();
        String p4 = runs.stream().filter(r -> r.startsWith("p4")).findFirst().orElseThrow();
        String sweep = runs.stream().filter(r -> r.startsWith("p1-2e")).findFirst().orElseThrow(); // test 5's, with its PNGs
        String compare = "compare?" + String.join("&", runs.stream().filter(r -> r.startsWith("p1-1")).map(r -> "run=" + r).toList());
        return List.of("", "question/1.1", "question/1.2e", "question/4.1", "runs", "runs/" + p1, "runs/" + p4, "runs/" + sweep, compare, "run", "mcmc",
                "mcmc/" + mcmc.group(1), "plugins");
    }

    /** A short file name for a page's screenshots. */
    static String shotName(String page) {
        if (page.isEmpty()) {
            return "home";
        }
        if (page.startsWith("mcmc/")) {
            return "mcmc-p2-1";
        }
        String[] parts = page.split("[/?]");
        return parts[0].equals("runs") && parts.length > 1 ? "run-" + parts[1].replaceAll("-.*", "") + "-" + parts[1].replaceAll("^[^-]+-([^-]+)-.*", "$1")
                : page.replaceAll("[?].*", "").replaceAll("[^A-Za-z0-9.-]+", "-");
    }

    @Test
    @Order(7)
    void everyPageFitsAPhoneAndItsTablesScrollInsideTheirBoxes() throws Exception {
        List<String> pages = everyPage();
        List<String> problems = new java.util.ArrayList<>();
        try {
            for (String page : pages) {
                String name = "phone-" + shotName(page);
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
                open(page);
                fullPageShot(name + "-1366", 1366);
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                open(page);
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(PHONE_CHECK);
                found.forEach(p -> problems.add("/" + page + ": " + p));
                fullPageShot(name + "-390", 390);
            }
        } finally {
            browser.manage().window().setSize(Browser.WINDOW);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * At the window's width: the page does not scroll sideways; each visible table sits in a box that
     * scrolls sideways and fits the window; charts fit too; no visible image shows a chart's curves again
     * (an img whose alt is a chart's aria-label; one folded in a closed details is not visible); links of
     * the header and buttons are 44 px tall.
     */
    static final String PHONE_CHECK = """
            var bad = [], w = window.innerWidth, doc = document.documentElement;
            function name(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''); }
            function clipped(e) {
              for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
              return false;
            }
            if (doc.scrollWidth > w) {
              var wide = [].filter.call(document.body.querySelectorAll('*'), function (e) { return e.getClientRects().length && e.getBoundingClientRect().right > w + 0.5 && !clipped(e); });
              bad.push('the page is ' + doc.scrollWidth + ' px wide in a ' + w + ' px window: ' + wide.slice(-3).map(name).join(', '));
            }
            var ids = {};
            document.querySelectorAll('[id]').forEach(function (e) { if (ids[e.id]) bad.push('the id ' + e.id + ' is used twice'); ids[e.id] = 1; });
            document.querySelectorAll('table').forEach(function (t) {
              if (!t.getClientRects().length) return;
              var box = t.parentElement;
              while (box && box !== document.body && ['auto', 'scroll'].indexOf(getComputedStyle(box).overflowX) < 0) box = box.parentElement;
              if (!box || box === document.body) { bad.push(name(t) + ' has no box that scrolls it'); return; }
              var r = box.getBoundingClientRect();
              if (r.left < -0.5 || r.right > w + 0.5) bad.push(name(t) + ' scrolls in ' + name(box) + ' that spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px');
            });
            document.querySelectorAll('canvas, img, pre, .math-block').forEach(function (c) {
              if (!c.getClientRects().length) return;
              var r = c.getBoundingClientRect();
              if (r.right > w + 0.5) bad.push(name(c) + ' reaches ' + Math.round(r.right) + ' px');
            });
            var charts = {};
            document.querySelectorAll('[role=img][aria-label]').forEach(function (c) { if (c.tagName !== 'IMG') charts[c.getAttribute('aria-label')] = 1; });
            document.querySelectorAll('img[alt]').forEach(function (i) {
              if (i.getClientRects().length && !i.closest('details:not([open])') && charts[i.alt]) bad.push(name(i) + ' "' + i.alt + '" shows the curves of the chart of the same title again');
            });
            document.querySelectorAll('header.top a, button, a.button').forEach(function (a) {
              if (!a.getClientRects().length) return;
              var r = a.getBoundingClientRect();
              if (r.height < 44 || r.width < 44) bad.push(name(a) + ' "' + a.textContent.trim() + '" is a ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' px target');
            });
            return bad;
            """;

    /** The whole page at {@code width} px, as {@code target/screenshots/NAME.png}. */
    static void fullPageShot(String name, int width) throws Exception {
        chrome.fullPageShot(name, width, 700, 6000);
    }

    /**
     * Issue 21's weight: home, a question page and the runs page, cold (empty cache) and warm, by the
     * browser's performance API. A page without math loads no KaTeX; a cold question page stays under
     * 250 KB. {@code WORKBENCH_MEASURE_URLS} (space-separated server roots) measures other servers the same way.
     */
    @Test
    @Order(8)
    void pagesAreLightColdAndLighterWarm() throws Exception {
        List<String> roots = new java.util.ArrayList<>(List.of(server.url));
        String more = System.getenv("WORKBENCH_MEASURE_URLS");
        if (more != null && !more.isBlank()) {
            roots.addAll(List.of(more.trim().split("\\s+")));
        }
        for (String root : roots) {
            for (String page : List.of("", "question/1.1", "runs")) {
                long[] cold = weigh(root + page, true);
                long[] warm = weigh(root + page, false);
                System.out.printf("web weight %s%s: cold %.1f KB transferred (%.1f KB decoded), first paint %d ms; warm %.1f KB, first paint %d ms%n",
                        root, page, cold[0] / 1024.0, cold[1] / 1024.0, cold[2], warm[0] / 1024.0, warm[2]);
                if (root.equals(server.url)) {
                    assertTrue(warm[0] < cold[0], page + ": a warm load transfers less than a cold one");
                    if (page.equals("question/1.1")) {
                        assertTrue(cold[0] < 250 * 1024, "a cold question page transfers " + cold[0] + " bytes");
                    }
                }
            }
        }
        open("runs");
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').some(function (r) { return /katex/.test(r.name); })"),
                "the runs page has no math and loads no KaTeX");
    }

    /** An async script's start: {@code done} answers, {@code firstPaint(f)} calls f with the first contentful paint's time once there is one. */
    static final String FIRST_PAINT = """
            var done = arguments[arguments.length - 1];
            function firstPaint(f) {
              new PerformanceObserver(function (list, observer) {
                var p = performance.getEntriesByName('first-contentful-paint')[0];
                if (p) { observer.disconnect(); f(p.startTime); }
              }).observe({ type: 'paint', buffered: true });
            }
            """;

    /** Loads {@code url} (after emptying the cache when {@code cold}): bytes transferred, bytes decoded, first contentful paint in ms. */
    static long[] weigh(String url, boolean cold) {
        if (cold) {
            browser.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
        }
        browser.get(url);
        waiting().until(d -> "1".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.ready")));
        @SuppressWarnings("unchecked")
        List<Long> figures = (List<Long>) ((JavascriptExecutor) browser).executeAsyncScript(FIRST_PAINT + """
                firstPaint(function () { document.fonts.ready.then(function () {
                  var nav = performance.getEntriesByType('navigation')[0], all = [nav].concat(performance.getEntriesByType('resource'));
                  var fcp = performance.getEntriesByName('first-contentful-paint')[0];
                  done([all.reduce(function (a, r) { return a + r.transferSize; }, 0),
                        all.reduce(function (a, r) { return a + r.decodedBodySize; }, 0), Math.round(fcp ? fcp.startTime : -1)]);
                }); });
                """);
        return new long[] { figures.get(0), figures.get(1), figures.get(2) };
    }

    @Test
    @Order(9)
    void installFromTheAvailableList() throws Exception {
        Path repository = Files.createDirectories(work.resolve("repository"));
        PluginJars.withVersion(PLUGIN, "1.3.0", repository.resolve("prior-student-t-1.3.0.jar"));
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream to = new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, server.launcher.execute(new String[] { "repo", "index", repository.toString() }, to, to), said.toString());
        assertEquals(0, server.launcher.execute(new String[] { "repo", "add", "local", repository.toString() }, to, to),
                said.toString());
        open("plugins");
        waiting().until(d -> d.findElement(By.id("available")).getText().contains("1.3.0"));
        browser.findElement(By.cssSelector("#available .available-plan")).click();
        waiting().until(d -> d.findElement(By.id("available-output")).getText().contains("would install 1 bundle"));
        browser.findElement(By.cssSelector("#available .available-install, #available .available-update")).click();
        waiting().until(d -> d.findElement(By.id("available-output")).getText().contains("SHA-256 checked"));
        assertTrue(Files.exists(server.plugins.resolve("org.example.prior-student-t-1.3.0.jar")));
        screenshot("plugins-available");
    }

    /**
     * A sweep over the prior's provider ({@code --sweep prior.use=gaussian,laplace}) charts its result against
     * the providers: a named x axis with a point per provider, drawn (its series' colour counted in the
     * canvas), and the legend naming the provider under the pointer.
     */
    @Test
    @Order(10)
    void aSweepOverProvidersIsChartedAgainstTheirNames() throws Exception {
        Path folder = Files.createDirectories(server.results.resolve("map-by-prior").resolve("20260101-000000-000-cafe"));
        Files.writeString(folder.resolve("result.json"), """
                {"name": "map-by-prior", "task": "bayesian-linear-regression", "status": "ok", "seed": 1,
                 "points": [{"set": {"prior.use": "gaussian"}, "seed": 2, "results": {"map": {"objective": 1.5}}},
                            {"set": {"prior.use": "laplace"}, "seed": 3, "results": {"map": {"objective": 2.5}}}],
                 "provenance": {"components": {}, "startedAt": "2026-01-01T00:00:00Z", "durationMs": 5, "overrides": [],
                   "effectiveDescriptor": {"plots": [{"name": "objective-by-prior", "title": "MAP objective by prior",
                     "x": "prior.use", "y": ["map.objective"], "xLabel": "prior", "yLabel": "objective"}]}}}
                """, java.nio.charset.StandardCharsets.UTF_8);
        open("runs/map-by-prior/20260101-000000-000-cafe");
        waiting().until(d -> d.findElements(By.cssSelector(".charts .chart canvas")).size() == 1);
        @SuppressWarnings("unchecked")
        List<List<Long>> ink = (List<List<Long>>) ((JavascriptExecutor) browser).executeScript(
                CHART_INK.replace(".main-charts .chart canvas", ".charts .chart canvas"));
        System.out.println("web: a chart over providers: " + ink.get(0).get(0) + " px of its series' blue");
        assertTrue(ink.get(0).get(0) >= 100, "the two points are drawn: " + ink);
        String legend = browser.findElement(By.cssSelector(".charts .chart .u-legend")).getText();
        assertTrue(legend.contains("laplace"), "the x value reads as the provider's name: " + legend);
        screenshot("run-sweep-over-providers");
    }

    /**
     * The labels of the page's charts, the alt of each img and whether a person sees it (an img in a
     * closed details still has client rects in Chromium, whose closed details hide their content by
     * content-visibility).
     */
    private static final String CHARTS_AND_IMAGES = """
            return [[].map.call(document.querySelectorAll('.charts [role=img][aria-label]'), function (c) { return c.getAttribute('aria-label'); }),
                    [].map.call(document.querySelectorAll('img[alt]'), function (i) { return [i.alt, i.getClientRects().length > 0 && !i.closest('details:not([open])')]; })];
            """;

    /** The run folder of the p4 run that test 3 started from the page. */
    private static Path p4Run() throws Exception {
        try (var runs = Files.list(server.results.resolve("p4-fashion-mnist-mlp"))) {
            return runs.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }

    /**
     * Problem 4's run page on a phone shows each curve once: every chart's PNG carries the chart's title
     * as its alt (result.json's plots record the title drawn on it) and is folded in a closed details
     * beneath the charts; no visible image repeats a chart.
     */
    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void problem4sRunPageShowsEachCurveOnce() throws Exception {
        Path run = p4Run();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            open("runs/p4-fashion-mnist-mlp/" + run.getFileName());
            List<List<Object>> found = (List<List<Object>>) ((JavascriptExecutor) browser).executeScript(CHARTS_AND_IMAGES);
            List<Object> charts = found.get(0);
            List<List<Object>> images = (List<List<Object>>) (List<?>) found.get(1);
            assertEquals(List.of("Training and test loss by epoch", "Training and test accuracy by epoch"), charts);
            for (Object chart : charts) {
                List<List<Object>> same = images.stream().filter(i -> chart.equals(i.get(0))).toList();
                assertEquals(1, same.size(), "the PNG of '" + chart + "' is named by its title: " + images);
                assertEquals(false, same.get(0).get(1), "the PNG of '" + chart + "' is folded away under its chart");
            }
            assertFalse(browser.findElement(By.id("run-png")).getAttribute("open") != null);
            List<String> none = (List<String>) ((JavascriptExecutor) browser).executeScript(PHONE_CHECK);
            assertEquals(List.of(), none.stream().filter(p -> p.contains("chart of the same title")).toList());
            fullPageShot("run-p4-once-390", 390);
            // the phone check sees a repeated curve: with the images unfolded, as the run page showed them
            // before, it names both
            browser.findElement(By.cssSelector("#run-png summary")).click();
            List<String> twice = (List<String>) ((JavascriptExecutor) browser).executeScript(PHONE_CHECK);
            assertEquals(2, twice.stream().filter(p -> p.contains("chart of the same title")).count(), twice.toString());
        } finally {
            browser.manage().window().setSize(Browser.WINDOW);
        }
    }

    /**
     * A run whose result.json has no layout (written before the key existed) still gets its curves,
     * read from its series: the p4 run's result without its layout and plots draws loss, accuracy and
     * seconds by epoch, with data in them.
     */
    @Test
    @Order(12)
    void aRunWithoutLayoutIsChartedFromItsSeries() throws Exception {
        com.google.gson.JsonObject doc = com.google.gson.JsonParser.parseString(
                Files.readString(p4Run().resolve("result.json"))).getAsJsonObject();
        doc.remove("layout");
        doc.remove("plots");
        doc.addProperty("name", "p4-before-layout");
        Path folder = Files.createDirectories(server.results.resolve("p4-before-layout").resolve("20260101-000000-000-beef"));
        Files.writeString(folder.resolve("result.json"), doc.toString(), java.nio.charset.StandardCharsets.UTF_8);
        open("runs/p4-before-layout/20260101-000000-000-beef");
        waiting().until(d -> d.findElements(By.cssSelector(".charts .chart canvas")).size() == 3);
        List<String> titles = browser.findElements(By.cssSelector(".charts .chart .u-title")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Loss by epoch", "Accuracy by epoch", "Seconds by epoch"), titles);
        @SuppressWarnings("unchecked")
        List<List<Long>> ink = (List<List<Long>>) ((JavascriptExecutor) browser).executeScript(
                CHART_INK.replace(".main-charts .chart canvas", ".charts .chart canvas"));
        System.out.println("web: a run without layout: " + ink + " px of blue and of colour per chart");
        for (List<Long> chart : ink) {
            assertTrue(chart.get(0) >= 100, "each chart draws its data: " + ink);
        }
        screenshot("run-without-layout");
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs you come back to, in a real browser against the real runtime: a small p4 run started from
 * the page, left, found again in the header, reattached with its curves and cancelled; a run started
 * from this server's command line listed, reattached and cancelled from the page; the Run form's
 * parameters, an example's descriptor, and the states "done → result" and "refused: reason"; and
 * problem 2.5's MCMC diagnostics per sweep point, opened from its question page, the runs table and
 * the run page.
 */
class LiveRunsIT {
    /** Small enough to start at once, long enough (many epochs) to be left and cancelled. */
    private static final String LONG_P4 = "data.with.trainLimit=2000\ndata.with.testLimit=500\ntask.with.epochs=500";

    @TempDir
    static Path work;
    static WebServer server;
    static Browser chrome;
    static ChromeDriver browser;

    @BeforeAll
    static void boot() throws Exception {
        Browser.assumeInstalled();
        // the shipped experiments, so examples/ beside them is the repository's
        server = new WebServer(work, WorkbenchRuntimeIT.EXPERIMENTS.toAbsolutePath().normalize());
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

    private static WebDriverWait waiting() {
        return chrome.waiting();
    }

    private static void open(String path) {
        chrome.open(path);
    }

    private static void waitReady() {
        chrome.ready();
    }

    private static void screenshot(String name) throws Exception {
        chrome.screenshot(name);
    }

    private static int epochsShown() {
        String epochs = browser.findElement(By.id("live-charts")).getAttribute("data-epochs");
        return epochs == null ? 0 : Integer.parseInt(epochs);
    }

    @Test
    void aP4RunLeftIsFoundInTheHeaderReattachedAndCancelled() throws Exception {
        open("run?experiment=p4-fashion-mnist-mlp");
        // the form lists the descriptor's parameters; a click puts PATH=VALUE among the overrides
        WebElement epochs = browser.findElement(By.cssSelector("#run-params button.param[data-set^='task.with.epochs=']"));
        epochs.click();
        assertTrue(browser.findElement(By.id("run-set")).getAttribute("value").matches("task\\.with\\.epochs=\\d+"),
                browser.findElement(By.id("run-set")).getAttribute("value"));
        WebElement set = browser.findElement(By.id("run-set"));
        set.clear();
        set.sendKeys(LONG_P4);
        browser.findElement(By.id("run-start")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/run?id="));
        String runPage = browser.getCurrentUrl();
        waiting().until(d -> epochsShown() >= 1);

        // leave: every page's header lists the run with its progress
        open("runs");
        WebElement active = waiting().until(d -> d.findElements(By.cssSelector("#active-runs a.active-run")).stream()
                .findFirst().orElse(null));
        assertTrue(active.getText().contains("p4-fashion-mnist-mlp"), active.getText());
        assertEquals(1, active.findElements(By.tagName("progress")).size());
        screenshot("live-header");

        // come back through the header: the page replays the run so far and can cancel it
        waiting().until(d -> {
            d.findElement(By.cssSelector("#active-runs a.active-run")).click();
            return true;
        });
        waitReady();
        assertEquals(runPage, browser.getCurrentUrl());
        waiting().until(d -> epochsShown() >= 1);
        assertTrue(browser.findElement(By.id("run-cancel")).isEnabled(), "Cancel is back");
        // and a reload does the same
        browser.navigate().refresh();
        waitReady();
        waiting().until(d -> epochsShown() >= 1);
        WebElement cancel = browser.findElement(By.id("run-cancel"));
        assertTrue(cancel.isEnabled());
        cancel.click();
        waiting().until(d -> "cancelled".equals(d.findElement(By.id("run-live")).getAttribute("data-state")));
        assertEquals("cancelled", browser.findElement(By.id("run-progress")).getAttribute("data-state"),
                "the progress bar shows the cancelled state");
        assertTrue(browser.findElement(By.id("run-heading")).getText().contains("cancelled"));
        screenshot("live-cancelled");
        waiting().until(d -> d.findElement(By.id("active-runs")).findElements(By.cssSelector("a.active-run")).isEmpty());

        open("run");
        String id = runPage.substring(runPage.indexOf("id=") + 3);
        WebElement recent = browser.findElement(By.cssSelector("#run-recent li[data-run='" + id + "']"));
        assertEquals("cancelled", recent.getAttribute("data-state"));
        assertTrue(recent.getText().contains("cancelled"), recent.getText());
        try (var left = Files.list(server.results)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("p4")), "a cancelled run leaves no folder");
        }
    }

    @Test
    void aRunOfThisServersCommandLineIsListedReattachedAndCancelledFromThePage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> commandLine = CompletableFuture.supplyAsync(() -> {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return server.launcher.execute(new String[] { "run", server.experiments.resolve("p4-fashion-mnist-mlp.json")
                        .toString(), "--out", server.results.toString(), "--set", "data.with.trainLimit=2000", "--set",
                        "data.with.testLimit=500", "--set", "task.with.epochs=500" }, o, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        });
        open("");
        // the page lists what is in progress when it is served: reload until the command line's run has started
        WebElement active = new WebDriverWait(browser, Browser.WAIT, Duration.ofMillis(250)).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("#active-runs a.active-run")).stream().findFirst().orElse(null);
        });
        assertTrue(active.getAttribute("title").startsWith("command line"), active.getAttribute("title"));
        active.click();
        waitReady();
        // joined while it runs: its progress from here on
        waiting().until(d -> d.findElement(By.id("run-progress")).getAttribute("value") != null
                && Double.parseDouble(d.findElement(By.id("run-progress")).getAttribute("value")) > 0);
        browser.findElement(By.id("run-cancel")).click();
        waiting().until(d -> "cancelled".equals(d.findElement(By.id("run-live")).getAttribute("data-state")));
        assertEquals(1, commandLine.get(60, TimeUnit.SECONDS), "the command line's run ends as cancelled (exit 1): "
                + err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cancelled"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anExampleRunsToItsResultAndInvalidInputIsRefused() throws Exception {
        // the example's plugin, dropped into the watched folder as a user would
        Path jar = Path.of(System.getProperty("workbench.example.plugin"));
        Files.copy(jar, server.plugins.resolve("tmp.part"));
        Files.move(server.plugins.resolve("tmp.part"), server.plugins.resolve(jar.getFileName()));
        new WebDriverWait(browser, Browser.WAIT, Duration.ofMillis(250)).until(d -> {
            d.get(server.url + "plugins");
            return d.findElement(By.id("providers")).getText().contains("student-t");
        });
        open("run");
        Select experiment = new Select(browser.findElement(By.id("run-experiment")));
        List<String> names = experiment.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(names.containsAll(List.of("p1-1-posterior", "examples/optimizer-momentum/p4-hot-swap",
                "examples/prior-student-t/p1-student-t-prior")), names.toString());
        experiment.selectByValue("examples/prior-student-t/p1-student-t-prior");
        waiting().until(d -> "examples/prior-student-t/p1-student-t-prior".equals(
                d.findElement(By.id("run-params")).getAttribute("data-experiment")));
        assertFalse(browser.findElements(By.cssSelector("#run-params button.param[data-set^='prior.with.']")).isEmpty(),
                "the example's own parameters are offered");
        browser.findElement(By.id("run-start")).click();
        waiting().until(d -> "done".equals(d.findElement(By.id("run-live")).getAttribute("data-state")));
        WebElement link = browser.findElement(By.cssSelector("#run-heading a"));
        assertTrue(link.getAttribute("href").contains("/runs/p1-student-t-prior/"), link.getAttribute("href"));
        assertTrue(browser.findElement(By.id("run-heading")).getText().contains("done →"));

        open("run?experiment=p1-1-posterior");
        WebElement set = browser.findElement(By.id("run-set"));
        set.sendKeys("prior.with.variance=-1");
        browser.findElement(By.id("run-start")).click();
        waiting().until(d -> "refused".equals(d.findElement(By.id("run-live")).getAttribute("data-state")));
        String heading = browser.findElement(By.id("run-heading")).getText();
        assertTrue(heading.contains("refused: ") && heading.contains("variance"), heading);
        screenshot("live-refused");
        open("run");
        assertFalse(browser.findElements(By.cssSelector("#run-recent li[data-state=refused]")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("#run-recent li[data-state=done] a[href^='/runs/p1-student-t-prior/']")).isEmpty());
    }

    @Test
    void problem25sMcmcPageOpensFromItsQuestionPageForEachTau() throws Exception {
        // 2.5 as shipped with fewer replications (each point still keeps its draws): an ad-hoc run, shown on
        // the question page when named there
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertEquals(0, server.launcher.execute(new String[] { "run", server.experiments.resolve(
                    "p2-5-map-vs-posterior-mean.json").toString(), "--out", server.results.toString(), "--quiet",
                    "--set", "task.with.replications=3" }, o, e), err.toString(StandardCharsets.UTF_8));
        }
        Path result = Path.of(out.toString(StandardCharsets.UTF_8).strip().replaceAll("(?s).*\n", ""));
        String run = result.getParent().getParent().getFileName() + "/" + result.getParent().getFileName();
        open("question/2.5?run=" + run);
        browser.findElement(By.id("mcmc-p2-5-map-vs-posterior-mean")).click();
        waitReady();
        assertTrue(browser.getCurrentUrl().contains("/mcmc/p2-5-map-vs-posterior-mean/"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("τ = 0.1"), browser.findElement(By.tagName("h1")).getText());
        List<String> points = browser.findElements(By.cssSelector("#mcmc-points a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("τ = 0.1", "τ = 0.5", "τ = 1"), points);
        assertEquals(10, browser.findElements(By.cssSelector("#mcmc-diagnostics tbody tr")).size(), "w1 to w10");
        waiting().until(d -> d.findElements(By.cssSelector(".chart canvas")).size() >= 20);
        screenshot("mcmc-p2-5");
        browser.findElement(By.linkText("τ = 1")).click();
        waitReady();
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("τ = 1"));
        assertTrue(browser.getCurrentUrl().endsWith("?point=2"), browser.getCurrentUrl());

        // the MCMC list names each point; the run page and the runs table link to it
        open("mcmc");
        assertEquals(3, browser.findElements(By.cssSelector("#mcmc-runs a.mcmc-point")).size());
        open("runs");
        browser.findElement(By.cssSelector("tr.run-row[data-run^='p2-5'] a[href^='/mcmc/']")).click();
        waitReady();
        assertTrue(browser.getCurrentUrl().contains("/mcmc/p2-5-map-vs-posterior-mean/"));
        open("runs/" + browser.getCurrentUrl().replaceAll(".*/mcmc/", "").replaceAll("\\?.*", ""));
        assertTrue(browser.findElement(By.id("run-mcmc")).getAttribute("href").contains("/mcmc/p2-5-map-vs-posterior-mean/"));
    }
}

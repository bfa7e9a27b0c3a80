package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of(System.getProperty("workbench.screenshots", "target/screenshots"));
    static final Path PLUGIN = Path.of(System.getProperty("workbench.example.plugin")).toAbsolutePath().normalize();
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    static WebServer server;
    static ChromeDriver browser;
    /**
     * Held here: java.util.logging keeps loggers weakly, and a level set on one that is then
     * collected is lost (Selenium's warning that it has no DevTools for this Chromium came back).
     */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    static String homeworkNumbers;

    @BeforeAll
    static void boot() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        SELENIUM_LOG.setLevel(Level.SEVERE);
        server = new WebServer(work, "p1-1-posterior.json", "p4-fashion-mnist-mlp.json");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebDriverWait waiting() {
        // pages replace parts of themselves (the plugin list after an upload): a stale element is retried
        return (WebDriverWait) new WebDriverWait(browser, WAIT, Duration.ofMillis(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static void open(String path) {
        browser.get(server.url + path);
        waiting().until(d -> "1".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.ready")));
    }

    static void screenshot(String name) throws Exception {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(Math.max(height, 800), 4000)));
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @Test
    @Order(1)
    void homeListsTheProblemSetQuestionByQuestion() throws Exception {
        open(""); // the first visit compiles the templates and activates the pages; measure the next one
        long t0 = System.nanoTime();
        open("");
        long firstPaint = (Long) ((JavascriptExecutor) browser).executeScript(
                "var p = performance.getEntriesByName('first-contentful-paint')[0]; return Math.round(p ? p.startTime : -1);");
        System.out.println("web: home page first contentful paint " + firstPaint + " ms after navigation start (warm server), "
                + "load to ready " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Homework 3"));
        List<WebElement> questions = browser.findElements(By.cssSelector("a.q"));
        assertEquals(List.of("1.1", "1.2a", "4.1"), questions.stream().map(WebElement::getText).toList());
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
        screenshot("compare");
        open("question/1.1");
        // the run line sits in the folded "How it was computed" section: its text content, not its visible text
        assertTrue(browser.findElement(By.cssSelector("details.computed .runline")).getAttribute("textContent").contains("homework run"));
        assertEquals(homeworkNumbers, browser.findElement(By.id("numbers-p1-1-posterior")).getText(),
                "the ad-hoc run does not replace the homework answer");
    }

    @Test
    @Order(5)
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

    @Test
    @Order(6)
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
}

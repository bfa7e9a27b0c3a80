package org.workbench.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The headless browser of the web tests (Debian's chromium through chromedriver) on one server: one
 * per test class, opened on the server's pages and waiting for them the same way, with the
 * screenshots under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of(System.getProperty("workbench.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The window a test starts with, and gets back after a full-page screenshot. */
    static final Dimension WINDOW = new Dimension(1280, 1000);
    /**
     * Held here: java.util.logging keeps loggers weakly, and a level set on one that is then
     * collected is lost (Selenium's warning that it has no DevTools for this Chromium came back).
     */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    final ChromeDriver driver;
    private final String root;

    private Browser(ChromeDriver driver, String root) {
        this.driver = driver;
        this.root = root;
    }

    /** Skips the test class where the browser is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    }

    /** A fresh browser profile under {@code work} on the server at {@code root} ({@code http://127.0.0.1:P/}). */
    static Browser start(Path work, String root) throws Exception {
        assumeInstalled();
        SELENIUM_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + WINDOW.width + "," + WINDOW.height,
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build();
        Files.createDirectories(SHOTS);
        return new Browser(new ChromeDriver(service, options), root);
    }

    /** Waits up to a minute, polling every 20 ms; a replaced element (a page redrawing a part) is retried. */
    WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, WAIT, Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class);
    }

    /** Opens the server's page {@code path} and waits until its script has done its work. */
    void open(String path) {
        driver.get(root + path);
        ready();
    }

    /** Waits until the page's script says it is ready ({@code data-ready} on the root element). */
    void ready() {
        waiting().until(d -> "1".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.ready")));
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** What the window shows, as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) throws Exception {
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page at {@code width} px (up to {@code maxHeight} px tall), as {@code target/screenshots/NAME.png}; the window keeps that size. */
    void fullPageShot(String name, int width, int minHeight, int maxHeight) throws Exception {
        long height = (Long) script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, minHeight), maxHeight)));
        screenshot(name);
    }

    /** The whole page at the test's width, then the window as it was. */
    void pageShot(String name) throws Exception {
        fullPageShot(name, WINDOW.width, 800, 4000);
        driver.manage().window().setSize(WINDOW);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web runs table on the run store in a real browser: 60 result folders, a page of 50, sorting by a
 * picked metric column (both ways), a --where filter typed into the page, the columns remembered (a
 * cookie the server reads: the bare page comes with them), an invalid expression's message, and the CSV
 * export of the same query.
 */
class RunsTableIT {
    private static final int RUNS = 60;

    @TempDir
    static Path work;
    static WebServer server;
    static Browser chrome;
    static ChromeDriver browser;

    @BeforeAll
    static void boot() throws Exception {
        Browser.assumeInstalled();
        Path results = work.resolve("results");
        for (int i = 0; i < RUNS; i++) {
            // alpha: scale 0.01..0.30 (i even), beta: the odd ones; mse falls as the scale grows
            String experiment = i % 2 == 0 ? "alpha" : "beta";
            double scale = (i + 1) / 200.0;
            fakeRun(results, experiment, String.format(Locale.ROOT, "20260101-0000%02d-000-aaaa", i), scale, 1.0 - scale,
                    String.format(Locale.ROOT, "2026-01-01T00:00:%02dZ", i));
        }
        server = new WebServer(work, "p1-1-posterior.json");
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

    private static void fakeRun(Path results, String experiment, String runId, double scale, double mse, String started)
            throws Exception {
        Path folder = Files.createDirectories(results.resolve(experiment).resolve(runId));
        String json = "{\"name\":\"" + experiment + "\",\"task\":\"t\",\"status\":\"ok\",\"seed\":1,"
                + "\"results\":{\"mse\":" + mse + "},\"provenance\":{\"components\":{\"prior\":{\"kind\":\"prior\","
                + "\"name\":\"laplace\",\"version\":\"1.0.0\",\"parameters\":{\"scale\":[" + scale + "]}}},"
                + "\"descriptor\":\"experiments/" + experiment + ".json\",\"overrides\":[],\"startedAt\":\"" + started
                + "\",\"durationMs\":5}}";
        Files.writeString(folder.resolve("result.json"), json, StandardCharsets.UTF_8);
    }

    private static WebDriverWait waiting() {
        return chrome.waiting();
    }

    private static void ready() {
        chrome.ready();
    }

    private static List<Double> column(int index) {
        List<Double> values = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#runs-table tr.run-row"))) {
            values.add(Double.parseDouble(row.findElements(By.tagName("td")).get(index).getText()));
        }
        return values;
    }

    @Test
    void sortsFiltersPagesAndExportsCsv() throws Exception {
        browser.get(server.url + "runs?cols=prior.scale,results.mse");
        ready();
        assertEquals(50, browser.findElements(By.cssSelector("#runs-table tr.run-row")).size());
        // the first screenful is laid out and painted first; the script shows the rest once the page has painted (docs/web.md)
        assertEquals(38, browser.findElements(By.cssSelector("#runs-table tbody.later tr.run-row")).size(),
                "the rows after the first 12 come in a second body");
        assertTrue(browser.findElements(By.cssSelector("#runs-table tr.run-row")).stream().allMatch(WebElement::isDisplayed),
                "every row is shown by the time the page is ready");
        assertEquals("rows 1–50 of 60", browser.findElement(By.id("runs-range")).getText());
        assertTrue(browser.findElement(By.id("runs-next")).isDisplayed());

        // sort by the picked column: ascending, then descending
        browser.findElement(By.cssSelector("th[data-key='prior.scale'] a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("sort=prior.scale"));
        ready();
        List<Double> ascending = column(8);
        assertEquals(0.005, ascending.get(0), 1e-12);
        assertEquals(ascending.stream().sorted().toList(), ascending);
        browser.findElement(By.cssSelector("th[data-key='prior.scale'] a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("sort=-prior.scale"));
        ready();
        List<Double> descending = column(8);
        assertEquals(0.3, descending.get(0), 1e-12);
        assertEquals(descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending);
        assertEquals("descending", browser.findElement(By.cssSelector("th[data-key='prior.scale']")).getAttribute("aria-sort"));

        // filter with the same language as runs --where
        WebElement where = browser.findElement(By.id("run-where"));
        where.clear();
        where.sendKeys("experiment = 'alpha' and prior.scale < 0.1");
        browser.findElement(By.id("query-button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("where=experiment"));
        ready();
        // alpha holds the even i, scale (i + 1)/200 < 0.1: i in 0, 2, ..., 18
        assertEquals(10, browser.findElements(By.cssSelector("#runs-table tr.run-row")).size());
        assertEquals(column(8).stream().sorted(java.util.Comparator.reverseOrder()).toList(), column(8), "the sort is kept");

        // the CSV export of the same query: every matching row, with the picked columns
        String csvHref = browser.findElement(By.id("csv-export")).getAttribute("href");
        HttpResponse<String> csv = server.http.send(HttpRequest.newBuilder(URI.create(csvHref)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("experiment,run,point,set,status,task,started,durationMs,homework,tags,prior.scale,results.mse", lines[0]);
        assertEquals(11, lines.length, csv.body());
        assertTrue(lines[1].startsWith("alpha,20260101-000018-000-aaaa,0,,ok,t,"), lines[1]);
        assertTrue(lines[1].endsWith("," + 19 / 200.0 + "," + (1.0 - 19 / 200.0)), lines[1]);

        // the picked columns are remembered: the bare page comes with them, in its first load
        browser.get(server.url + "runs");
        ready();
        assertEquals(server.url + "runs", browser.getCurrentUrl(), "no second load");
        assertEquals("prior.scale,results.mse", browser.findElement(By.id("run-columns")).getAttribute("value"));
        assertEquals(1, browser.findElements(By.cssSelector("th[data-key='results.mse']")).size());

        // an invalid expression says where and what would be valid
        where = browser.findElement(By.id("run-where"));
        where.clear();
        where.sendKeys("prior.scale << 1");
        browser.findElement(By.id("query-button")).click();
        waiting().until(d -> !d.findElements(By.id("query-error")).isEmpty());
        assertTrue(browser.findElement(By.id("query-error")).getText().contains("at position 14"),
                browser.findElement(By.id("query-error")).getText());
    }
}

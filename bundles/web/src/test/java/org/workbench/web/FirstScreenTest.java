package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The runs page lays out only its first screenful before the first paint; the other rows follow, with or without script. */
class FirstScreenTest {
    private static final Pattern BODY = Pattern.compile("<tbody([^>]*)>(.*?)</tbody>", Pattern.DOTALL);

    /** The store's answer ({@code runs --json}) with {@code n} rows. */
    private static String answer(int n) {
        JsonArray runs = new JsonArray();
        for (int i = 0; i < n; i++) {
            JsonObject r = new JsonObject();
            r.addProperty("experiment", "p2-5-map-vs-posterior-mean");
            r.addProperty("run", String.format("20260101-0000%02d-000-abcd", i));
            r.addProperty("title", "Benchmark run " + i);
            r.addProperty("started", "2026-01-01T00:00:00.000Z");
            r.addProperty("status", "ok");
            r.addProperty("homework", i % 2 == 0);
            r.addProperty("overrides", "");
            r.add("tags", new JsonArray());
            r.addProperty("durationMs", 100 + i);
            r.add("values", new JsonObject());
            runs.add(r);
        }
        JsonObject a = new JsonObject();
        a.addProperty("total", 100_000);
        a.add("runs", runs);
        return a.toString();
    }

    private static String page(int rows) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("title", "Runs");
        m.put("assets", StaticFiles.base());
        m.put("style", InlineStyle.css());
        m.put("live", true);
        new RunsTable(null, null, null, null).model(q -> answer(rows), m);
        FirstScreen.split(m);
        return new Templates().render("runs", m);
    }

    private static int rows(String html) {
        return html.split("<tr class=\"run-row\"", -1).length - 1;
    }

    @Test
    void aFullPageShowsItsFirstScreenfulAndHidesTheRestUntilTheFirstFrame() {
        String html = page(RunsTable.PAGE);
        assertEquals(RunsTable.PAGE, rows(html), "every row of the page is in its HTML");
        Matcher body = BODY.matcher(html);
        assertTrue(body.find(), html);
        assertEquals("", body.group(1), "the first body is shown");
        assertEquals(FirstScreen.ROWS, rows(body.group(2)), "the first paint lays out the first screenful only");
        assertTrue(body.find(), "a second body with the rest");
        assertEquals(" class=\"later\" hidden", body.group(1));
        assertEquals(RunsTable.PAGE - FirstScreen.ROWS, rows(body.group(2)));
        assertTrue(html.contains("data-run=\"p2-5-map-vs-posterior-mean/20260101-000012-000-abcd\""), "the 13th row is there");
        String head = html.substring(0, html.indexOf("</head>"));
        assertTrue(head.contains("<noscript><style>tbody.later[hidden] { display: table-row-group; }</style></noscript>"),
                "without script the rest is shown at once: " + head);
        assertEquals(java.util.List.of(), InlineStyleTest.blocking(html), "nothing in the head that the paint waits for");
    }

    @Test
    void aShortPageHasOneBodyAndNoNoscriptStyle() {
        String html = page(FirstScreen.ROWS);
        assertEquals(FirstScreen.ROWS, rows(html));
        assertFalse(html.contains("class=\"later\""), html);
        assertFalse(html.contains("<noscript>"), html);
    }
}

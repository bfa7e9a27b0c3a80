package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A served page paints without asking the server for anything first; the static report still links its style. */
class InlineStyleTest {
    private static final Pattern TAG = Pattern.compile("<(link|script)\\b[^>]*>");

    /** The requests the head makes that the browser waits for before it paints: stylesheets and scripts neither deferred nor async. */
    static List<String> blocking(String html) {
        String head = html.substring(0, html.indexOf("</head>"));
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(head);
        while (m.find()) {
            String tag = m.group();
            boolean stylesheet = tag.startsWith("<link") && tag.contains("rel=\"stylesheet\"");
            boolean script = tag.startsWith("<script") && tag.contains(" src=") && !tag.contains(" defer")
                    && !tag.contains(" async");
            if (stylesheet || script) {
                out.add(tag);
            }
        }
        return out;
    }

    private static Map<String, Object> model(String style) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Runs");
        m.put("assets", StaticFiles.base());
        m.put("style", style);
        m.put("live", true);
        m.put("store", true);
        return m;
    }

    @Test
    void theServedRunsPageCarriesItsStyleAndBlocksOnNoRequest() {
        String css = InlineStyle.css();
        assertNotNull(css, "workbench.css is in the bundle and can sit in a style element");
        assertTrue(css.contains(".scroll"), css);
        String html = new Templates().render("runs", model(css));
        assertEquals(List.of(), blocking(html), "the head asks for nothing the first paint waits for");
        assertTrue(html.contains("<style>" + css + "</style>"), "the style sheet verbatim, not escaped");
        assertTrue(html.contains("<script src=\"" + StaticFiles.base() + "workbench.js\" defer></script>"), html);
    }

    @Test
    void aModelWithoutTheStyleLinksTheFileAsTheStaticReportDoes() {
        String html = new Templates().render("runs", model(null));
        assertEquals(List.of("<link rel=\"stylesheet\" href=\"" + StaticFiles.base() + "workbench.css\">"), blocking(html));
        assertTrue(!html.contains("<style>"), html);
    }
}

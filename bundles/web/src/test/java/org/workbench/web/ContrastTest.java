package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every text colour of the style sheet against the backgrounds it is drawn on reaches WCAG AA's 4.5:1
 * (the relative luminance and contrast ratio of WCAG 2.1, section 1.4.3). The orange and green of the
 * Okabe–Ito palette stay for borders and marks, where 3:1 suffices; text uses the darker inks.
 */
class ContrastTest {
    private static final double AA = 4.5;

    @Test
    void textColoursReachAaOnTheirBackgrounds() throws IOException {
        String css = css();
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher v = Pattern.compile("--([a-z-]+):\\s*(#[0-9A-Fa-f]{6})").matcher(css);
        while (v.find()) {
            vars.put(v.group(1), v.group(2));
        }
        String white = "#ffffff";
        List<String[]> pairs = List.of(
                new String[] { "body text", vars.get("ink"), white }, new String[] { "body text on the page", vars.get("ink"), vars.get("bg") },
                new String[] { "muted text", vars.get("muted"), white }, new String[] { "muted text on the page", vars.get("muted"), vars.get("bg") },
                new String[] { "links", vars.get("accent"), white }, new String[] { "links on the page", vars.get("accent"), vars.get("bg") },
                new String[] { "warnings", vars.get("warn-ink"), white }, new String[] { "warnings in a warn box", vars.get("warn-ink"), "#fff8f3" },
                new String[] { "ok marks", vars.get("ok-ink"), white },
                new String[] { "button text", white, vars.get("accent") },
                new String[] { "homework badge", "#00507d", "#e3f1fb" }, new String[] { "ad-hoc badge", "#8a3500", "#fdeadf" },
                new String[] { "third-party badge", white, "#5a1e00" }, new String[] { "errors in an error box", "#7a0016", "#fdf0f1" });
        for (String[] p : pairs) {
            assertTrue(p[1] != null && p[2] != null, p[0] + ": colour not found in workbench.css");
            double ratio = contrast(p[1], p[2]);
            assertTrue(ratio >= AA, p[0] + ": " + p[1] + " on " + p[2] + " is " + String.format("%.2f", ratio) + ":1, below AA's 4.5:1");
        }
        assertTrue(css.contains(".warn { color: var(--warn-ink); }"), "warning text uses the darker ink");
        assertTrue(css.contains(".ok { color: var(--ok-ink); }"), "ok text uses the darker ink");
    }

    @Test
    void theContrastOfThePalettesOrangeOnWhiteIsBelowAa() {
        // the check itself: #D55E00 on white is 3.87:1 (WebAIM's checker gives the same)
        assertTrue(Math.abs(contrast("#D55E00", "#ffffff") - 3.87) < 0.01);
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static String css() throws IOException {
        try (InputStream in = ContrastTest.class.getResourceAsStream("/static/workbench.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

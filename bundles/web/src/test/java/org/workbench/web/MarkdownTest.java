package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown md = new Markdown();

    @Test
    void mathSpansAreLeftForKatexWithTheirUnderscoresAndAsterisks() {
        String html = md.html("where $a_i * b_i$ and $c_i * d_i$ are *emphasis-free*");
        assertTrue(html.contains("<span class=\"math\">a_i * b_i</span>"), html);
        assertTrue(html.contains("<span class=\"math\">c_i * d_i</span>"), html);
        assertTrue(html.contains("<em>emphasis-free</em>"), html);
    }

    @Test
    void displayMathBecomesABlock() {
        String html = md.html("Then\n\n$$\\sum_{i=1}^n x_i < y$$\n\nso.");
        assertTrue(html.contains("<div class=\"math-block\"><span class=\"math display\">\\sum_{i=1}^n x_i &lt; y</span></div>"),
                html);
    }

    @Test
    void rawHtmlIsEscapedNotRendered() {
        String html = md.html("a <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div>block</div>");
        assertFalse(html.contains("<script>") || html.contains("<img") || html.contains("<div>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void gfmTablesAndADollarAmountThatIsNoMath() {
        String html = md.html("| a | b |\n|---|---|\n| $x_1$ | 2 |\n\nIt costs $5 and $6.");
        assertTrue(html.contains("<table>") && html.contains("<td><span class=\"math\">x_1</span></td>"), html);
        assertTrue(html.contains("It costs $5 and $6."), html);
    }

    @Test
    void tablesScrollInsideABoxOfTheirOwn() {
        String html = md.html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertTrue(html.startsWith("<div class=\"scroll\"><table>") && html.strip().endsWith("</table></div>"), html);
    }

    @Test
    void javascriptLinksAreNeutralised() {
        String html = md.html("[click](javascript:alert(1))");
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void numbersPrintWithTheirSignificantDigits() {
        assertEquals("0.3879", Json.number(0.387943128866431, 4));
        assertEquals("1.5e-7", Json.number(1.5e-7, 4));
        assertEquals("12", Json.number(12.0, 4));
        assertEquals("1.235e5", Json.number(123456.7, 4));
    }
}

package org.workbench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GFM tables; raw HTML is escaped, never rendered. Math spans ({@code $...$} and
 * {@code $$...$$}) are taken out before parsing, so that underscores and asterisks in them are not
 * emphasis, and put back as escaped TeX in {@code <span class="math">} elements that KaTeX renders
 * in the page. Tables come in a {@code <div class="scroll">} that scrolls them on a narrow screen.
 */
final class Markdown {
    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$(?!\\s)([^$\\n]+?)(?<!\\s)\\$(?!\\d)",
            Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("WBMATH(\\d+)X");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    /** Renders markdown to safe HTML. */
    String html(String markdown) {
        List<String> spans = new ArrayList<>();
        Matcher m = MATH.matcher(markdown);
        StringBuilder protectedText = new StringBuilder();
        while (m.find()) {
            boolean display = m.group(1) != null;
            String tex = display ? m.group(1) : m.group(2);
            spans.add((display ? "<span class=\"math display\">" : "<span class=\"math\">") + Html.escape(tex.strip())
                    + "</span>");
            String token = "WBMATH" + (spans.size() - 1) + "X";
            m.appendReplacement(protectedText, display ? "\n\n" + token + "\n\n" : token);
        }
        m.appendTail(protectedText);
        String html = renderer.render(parser.parse(protectedText.toString()));
        Matcher t = TOKEN.matcher(html);
        StringBuilder out = new StringBuilder();
        while (t.find()) {
            t.appendReplacement(out, Matcher.quoteReplacement(spans.get(Integer.parseInt(t.group(1)))));
        }
        t.appendTail(out);
        return out.toString().replace("<p><span class=\"math display\">", "<div class=\"math-block\"><span class=\"math display\">")
                .replaceAll("(<span class=\"math display\">[^<]*</span>)</p>", "$1</div>")
                .replace("<table>", "<div class=\"scroll\"><table>").replace("</table>", "</table></div>");
    }
}

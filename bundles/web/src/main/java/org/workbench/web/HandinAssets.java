package org.workbench.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes the hand-in self-contained: its style sheet, KaTeX's style sheet with its fonts as
 * {@code data:} URIs (the WOFF2 files this bundle ships; the WOFF and TTF alternatives dropped),
 * KaTeX's script and the few lines that typeset every math span when the page loads.
 */
final class HandinAssets {
    private static final Pattern FONT = Pattern.compile("url\\(fonts/([A-Za-z0-9_-]+\\.woff2)\\) format\\(\"woff2\"\\)");
    private static final Pattern OTHER_FORMATS = Pattern.compile(",url\\(fonts/[A-Za-z0-9_-]+\\.(woff|ttf)\\) format\\(\"(woff|truetype)\"\\)");
    /** Typesets each math span in place, as the pages' script does; the page is marked when done. */
    static final String RENDER = "document.querySelectorAll('span.math').forEach(function (el) {"
            + " try { katex.render(el.textContent, el, { displayMode: el.classList.contains('display'), throwOnError: false }); }"
            + " catch (e) { el.title = String(e); } });"
            + " document.documentElement.dataset.math = 'done';";

    private HandinAssets() {
    }

    /** Puts {@code css}, {@code katexCss}, {@code katexJs} and {@code renderJs} into the template's model. */
    static void into(Map<String, Object> model) {
        model.put("css", text("/handin/handin.css"));
        model.put("katexCss", katexCss());
        model.put("katexJs", text("/static/katex/katex.min.js").replace("</script", "<\\/script"));
        model.put("renderJs", RENDER);
    }

    static String katexCss() {
        String css = OTHER_FORMATS.matcher(text("/static/katex/katex.min.css")).replaceAll("");
        Matcher m = FONT.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String data = "url(data:font/woff2;base64," + Base64.getEncoder().encodeToString(bytes("/static/katex/fonts/" + m.group(1)))
                    + ") format(\"woff2\")";
            m.appendReplacement(out, Matcher.quoteReplacement(data));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = HandinAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("this bundle was built without " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

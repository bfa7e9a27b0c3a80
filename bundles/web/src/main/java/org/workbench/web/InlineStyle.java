package org.workbench.web;

import java.nio.charset.StandardCharsets;

/**
 * The pages' style ({@code static/workbench.css}, about 3 KB gzipped) as text, for the served pages to
 * carry in their head: a linked stylesheet blocks the first paint until the browser has asked for it
 * and had it, a second request to a server that has just started (docs/web.md, "The first request
 * after serve starts"). The static report links the file instead (its model has no {@code style}).
 */
final class InlineStyle {
    private static final String CSS = StaticFiles.read("/workbench.css")
            .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");

    private InlineStyle() {
    }

    /** The style sheet's text; null (so that the page links the file) when there is none or it could end the element. */
    static String css() {
        return CSS.isEmpty() || CSS.contains("</") ? null : CSS;
    }
}

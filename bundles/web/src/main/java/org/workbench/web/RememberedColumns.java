package org.workbench.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The runs table's metric columns, remembered by the browser in a cookie (docs/web.md): a request
 * that names its columns ({@code cols}, even none) keeps them, and one that names none is answered with
 * the kept ones in the same response. No script reads them before the page paints, and no second load
 * follows the first.
 */
final class RememberedColumns {
    static final String COOKIE = "workbench-runs-columns";
    /** Longer lists of columns are shown but not kept (a cookie travels with every request to the page). */
    static final int MAX_LENGTH = 1_000;
    private static final int YEAR_SECONDS = 365 * 24 * 3600;

    private RememberedColumns() {
    }

    /** The columns the request names ({@code cols}), else the kept ones, else {@code null}. */
    static String of(HttpServletRequest req) {
        String asked = req.getParameter("cols");
        if (asked != null) {
            return asked;
        }
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                try {
                    return URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null; // not one this page wrote: as if none were kept
                }
            }
        }
        return null;
    }

    /** Keeps the columns the request names, if it names any (none: forgets the kept ones). */
    static void keep(HttpServletRequest req, HttpServletResponse resp) {
        String asked = req.getParameter("cols");
        if (asked == null || asked.length() > MAX_LENGTH) {
            return;
        }
        String value = URLEncoder.encode(asked.strip(), StandardCharsets.UTF_8);
        resp.addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=/runs; Max-Age="
                + (asked.isBlank() ? 0 : YEAR_SECONDS) + "; SameSite=Strict; HttpOnly");
    }
}

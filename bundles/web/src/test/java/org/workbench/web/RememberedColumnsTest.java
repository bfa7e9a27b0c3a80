package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** The runs table's picked columns travel in a cookie: kept when a request names them, used when one names none. */
class RememberedColumnsTest {
    private static HttpServletRequest request(String cols, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(RememberedColumnsTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> "cols".equals(args[0]) ? cols : null;
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(List<String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(RememberedColumnsTest.class.getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader")) {
                        headers.add(args[0] + ": " + args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void namedColumnsAreKeptForAYearOnTheRunsPagesOnly() {
        List<String> headers = new ArrayList<>();
        HttpServletRequest req = request("prior.scale, results.testMse.map");
        RememberedColumns.keep(req, response(headers));
        assertEquals(List.of("Set-Cookie: workbench-runs-columns=prior.scale%2C+results.testMse.map; Path=/runs; "
                + "Max-Age=31536000; SameSite=Strict; HttpOnly"), headers);
        assertEquals("prior.scale, results.testMse.map", RememberedColumns.of(req), "the request's own come first");
    }

    @Test
    void aRequestNamingNoneGetsTheKeptOnesDecoded() {
        Cookie kept = new Cookie(RememberedColumns.COOKIE, "prior.scale%2C+results.%CF%84");
        assertEquals("prior.scale, results.τ", RememberedColumns.of(request(null, new Cookie("other", "x"), kept)));
        assertNull(RememberedColumns.of(request(null)), "nothing kept");
        assertNull(RememberedColumns.of(request(null, new Cookie(RememberedColumns.COOKIE, "%zz"))),
                "a value this page did not write is as if none were kept");
    }

    @Test
    void anEmptyListForgetsAndAnOverlongOneIsNotKept() {
        List<String> headers = new ArrayList<>();
        RememberedColumns.keep(request(""), response(headers));
        assertEquals(List.of("Set-Cookie: workbench-runs-columns=; Path=/runs; Max-Age=0; SameSite=Strict; HttpOnly"), headers);
        headers.clear();
        RememberedColumns.keep(request("k,".repeat(RememberedColumns.MAX_LENGTH)), response(headers));
        RememberedColumns.keep(request(null), response(headers));
        assertEquals(List.of(), headers);
    }
}

package org.workbench.web;

import java.io.IOException;
import java.util.Locale;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Refuses a path that reads two ways (an encoded {@code /} as {@code %2F}, an encoded backslash, dot or
 * percent sign, a {@code %u} escape, an empty segment, a path parameter {@code ;}, a backslash) with a 400 of ours: {@link ErrorPages} answers,
 * JSON under {@code /api/}. Jetty 12 refuses these itself by default with its own page, before any page
 * of ours runs; the server lets them through to here instead (the engine starts Jetty with
 * {@code org.eclipse.jetty.UriComplianceMode=LEGACY}) and this filter refuses them as strictly, on the
 * raw path as the client sent it.
 */
@Component(service = Filter.class, property = { "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=workbench-ambiguous-paths" })
public final class AmbiguousPaths implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp) {
            String reason = refusal(req.getRequestURI());
            if (reason != null) {
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST, reason);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the raw path {@code path} (as sent, still encoded) is refused, or null when it reads one way only. */
    static String refusal(String path) {
        if (path == null) {
            return null;
        }
        String p = path.toLowerCase(Locale.ROOT);
        String what = p.contains("%2f") ? "an encoded / (%2F)"
                : p.contains("%5c") ? "an encoded backslash (%5C)"
                : p.contains("%2e") ? "an encoded dot (%2E)"
                : p.contains("%25") ? "an encoded percent sign (%25)"
                : p.contains("%u") ? "a %u escape"
                : p.contains("//") ? "an empty segment (//)"
                : p.contains(";") || p.contains("%3b") ? "a path parameter (;), which can hide a .. segment"
                : p.contains("\\") ? "a backslash" : null;
        return what == null ? null : "the path " + path + " holds " + what + ", which reads as two different paths; "
                + "write the path with plain / between its parts, and put other values in the query (?name=value)";
    }
}

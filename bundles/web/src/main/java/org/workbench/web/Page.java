package org.workbench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Shared behaviour of the pages: only requests addressed to the loopback host are answered (a
 * guard against DNS rebinding), state-changing requests need the server's token, and every
 * response forbids framing and outside scripts.
 */
abstract class Page extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String TOKEN_HEADER = "X-Workbench-Token";

    /** The request being answered on this thread, so that {@link #html} can gzip for a browser that accepts it. */
    static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();

    /** What every page reads: the run index, templates, markdown and the server's token. */
    protected final transient Site site;

    Page(Site site) {
        this.site = site;
    }

    final Site site() {
        return site;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws javax.servlet.ServletException, IOException {
        String host = req.getServerName();
        if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1"))) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "this server answers only requests to 127.0.0.1");
            return;
        }
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            if (!site().tokenMatches(req.getHeader(TOKEN_HEADER))) {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong " + TOKEN_HEADER
                        + " header: state-changing requests must come from the workbench's own pages");
                return;
            }
        }
        REQUEST.set(req);
        try {
            super.service(req, resp);
        } finally {
            REQUEST.remove();
        }
    }

    /** The model every page template starts from. */
    Map<String, Object> model(String title, String nav) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("token", site().token());
        m.put("base", "/");
        m.put("assets", StaticFiles.base());
        m.put("style", InlineStyle.css());
        m.put("home", Links.SERVED.home());
        m.put("live", true);
        List<Map<String, Object>> active = ActiveRunsModel.of(site().workspace().active());
        m.put("active", active);
        m.put("hasActive", !active.isEmpty());
        m.put("nav" + nav, true);
        return m;
    }

    void html(HttpServletResponse resp, String template, Map<String, Object> model) throws IOException {
        String body = site().templates().render(template, model);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        Compression.send(REQUEST.get(), resp, body.getBytes(StandardCharsets.UTF_8));
    }

    static void json(HttpServletResponse resp, int status, Object value) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(Json.SAFE.toJson(value).getBytes(StandardCharsets.UTF_8));
    }

    void notFound(HttpServletResponse resp, String what) throws IOException {
        problem(resp, HttpServletResponse.SC_NOT_FOUND, "Not found", what);
    }

    /** A page of ours (not the server's) for a request that cannot be answered: {@code status}, a heading and why; JSON under {@code /api/}. */
    void problem(HttpServletResponse resp, int status, String heading, String what) throws IOException {
        HttpServletRequest req = REQUEST.get();
        if (req != null && req.getRequestURI().startsWith("/api/")) {
            json(resp, status, Map.of("status", status, "error", what));
            return;
        }
        resp.setStatus(status);
        Map<String, Object> m = model(heading, "");
        m.put("heading", heading);
        m.put("message", what);
        html(resp, "notfound", m);
    }
}

package org.workbench.web;

import java.io.IOException;
import java.util.Map;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The answer to every 4xx and 5xx the server sends (a servlet's {@code sendError}, a method a page does
 * not take, an address nothing serves): JSON {@code {"error": ..., "status": ...}} under {@code /api/},
 * a page of ours everywhere else, never the server's own page naming its servlet classes.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.errorPage=4xx",
        "osgi.http.whiteboard.servlet.errorPage=5xx", "osgi.http.whiteboard.servlet.name=workbench-errors" })
public final class ErrorPages extends Page {
    private static final long serialVersionUID = 1L;

    @Activate
    public ErrorPages(@Reference Site site) {
        super(site);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? req.getRequestURI() : uri.toString();
        String message = message(req, status, path);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        String host = req.getServerName();
        if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1"))) {
            // a page of ours carries the server's token: none for a request addressed to another host
            resp.setContentType("text/plain;charset=utf-8");
            resp.getOutputStream().write((message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        REQUEST.set(req);
        try {
            if (path.startsWith("/api/")) {
                json(resp, status, Map.of("status", status, "error", message));
            } else {
                problem(resp, status, heading(status), message);
            }
        } finally {
            REQUEST.remove();
        }
    }

    /** The servlet's own message when it gave one, else what the status means here; never an exception's trace. */
    static String message(HttpServletRequest req, int status, String path) {
        Object m = req.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String given = m == null ? "" : m.toString().strip();
        if (!given.isEmpty() && !given.matches("(?i)(not found|forbidden|method not allowed|server error|internal server error)")
                && req.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null) {
            return given;
        }
        return switch (status) {
            case 404 -> "nothing is served at " + path;
            case 405 -> path + " does not take a " + req.getMethod() + " request";
            case 403 -> "this request to " + path + " is not allowed";
            default -> status >= 500 ? "the server failed answering " + path + "; its log says why" : "the request to " + path + " was refused";
        };
    }

    static String heading(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 405 -> "Not this way";
            default -> status >= 500 ? "Server error" : "Bad request";
        };
    }
}

package org.workbench.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.workbench.api.live.Execution;

/**
 * The live-run endpoints: {@code POST /api/run} (form fields {@code experiment}, {@code set} one
 * override a line) starts a run and answers its id; {@code POST /api/cancel?id=} cancels it like
 * Ctrl-C; {@code GET /api/events?id=} streams its events as Server-Sent Events from the first one
 * (a run of this server's command line or shell is joined there and heard from then on), ending
 * after the run's end; {@code GET /api/active} lists the runs in progress with their progress.
 * Both POSTs need the server's token.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/api/run",
        "osgi.http.whiteboard.servlet.pattern=/api/cancel", "osgi.http.whiteboard.servlet.pattern=/api/events", "osgi.http.whiteboard.servlet.pattern=/api/active",
        "osgi.http.whiteboard.servlet.name=workbench-live" })
public final class LiveApi extends Page {
    private static final long serialVersionUID = 1L;

    @Activate
    public LiveApi(@Reference Site site) {
        super(site);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (req.getServletPath()) {
            case "/api/run" -> start(req, resp);
            case "/api/cancel" -> {
                LiveRun run = site.live().find(req.getParameter("id"), site.workspace());
                if (run == null) {
                    json(resp, 404, Map.of("error", "no live run " + req.getParameter("id")));
                    return;
                }
                run.cancel();
                json(resp, 202, Map.of("id", run.id(), "cancelling", true));
            }
            default -> json(resp, 404, Map.of("error", "no endpoint " + req.getServletPath()));
        }
    }

    private void start(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String experiment = req.getParameter("experiment");
        Path descriptor = experiment == null ? null : site.index().startable().get(experiment);
        if (descriptor == null) {
            json(resp, 400, Map.of("error", "no experiment '" + experiment + "' under " + site.index().experiments()
                    + " or " + site.index().examples()));
            return;
        }
        List<String> overrides = new ArrayList<>();
        String set = req.getParameter("set");
        if (set != null) {
            for (String line : set.split("\\R")) {
                String s = line.strip();
                if (s.startsWith("--set ")) {
                    s = s.substring("--set ".length()).strip();
                }
                if (!s.isEmpty()) {
                    overrides.add(s);
                }
            }
        }
        LiveRun run = new LiveRun(experiment, overrides, "page");
        Execution execution = site.workspace().start(descriptor, overrides, run);
        run.attach(execution.id(), execution::cancel);
        site.live().add(run);
        json(resp, 202, Map.of("id", run.id(), "events", "/api/events?id=" + run.id()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/api/active")) {
            json(resp, 200, ActiveRunsModel.of(site.workspace().active()));
            return;
        }
        if (!req.getServletPath().equals("/api/events")) {
            json(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, Map.of("error", req.getServletPath() + " takes POST only"));
            return;
        }
        LiveRun run = site.live().find(req.getParameter("id"), site.workspace());
        if (run == null) {
            json(resp, 404, Map.of("error", "no live run " + req.getParameter("id")));
            return;
        }
        resp.setContentType("text/event-stream;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Accel-Buffering", "no");
        PrintWriter out = resp.getWriter();
        int seen = 0;
        try {
            while (true) {
                List<String> fresh = run.after(seen, 15_000);
                if (fresh.isEmpty()) {
                    if (run.finished()) {
                        return;
                    }
                    out.write(": keep-alive\n\n");
                } else {
                    for (String e : fresh) {
                        out.write("data: ");
                        out.write(e);
                        out.write("\n\n");
                    }
                    seen += fresh.size();
                }
                out.flush();
                if (out.checkError()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

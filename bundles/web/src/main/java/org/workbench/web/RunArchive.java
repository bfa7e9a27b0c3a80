package org.workbench.web;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /archive/<experiment>/<runId>.zip}: every file of a published run, streamed as one zip. */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/archive/*",
        "osgi.http.whiteboard.servlet.name=workbench-archive" })
public final class RunArchive extends Page {
    private static final long serialVersionUID = 1L;

    @Activate
    public RunArchive(@Reference Site site) {
        super(site);
    }

    /** Where a run's zip is served. */
    static String href(RunRecord r) {
        return "/archive/" + r.id() + ".zip";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Optional<RunRecord> run = rest.endsWith(".zip") ? site.index().find(rest.substring(0, rest.length() - 4))
                : Optional.empty();
        if (run.isEmpty()) {
            notFound(resp, "no run " + rest + " to archive: the address is /archive/<experiment>/<run>.zip, as the run page links it");
            return;
        }
        RunRecord r = run.get();
        String name = r.experiment() + "-" + r.runId();
        resp.setContentType("application/zip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip\"");
        resp.setHeader("Cache-Control", "no-store");
        RunFolder.zip(r.folder(), r.runId(), resp.getOutputStream());
    }
}

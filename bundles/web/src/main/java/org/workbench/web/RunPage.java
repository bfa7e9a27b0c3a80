package org.workbench.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /run}: start an experiment with overrides and watch it live (the page talks to {@link LiveApi}). */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/run",
        "osgi.http.whiteboard.servlet.name=workbench-run" })
public final class RunPage extends Page {
    private static final long serialVersionUID = 1L;

    @Activate
    public RunPage(@Reference Site site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String selected = req.getParameter("experiment");
        List<Map<String, Object>> options = new ArrayList<>();
        for (String name : site.index().descriptors().keySet()) {
            options.add(Map.of("name", name, "selected", name.equals(selected)));
        }
        Map<String, Object> m = model("Run", "Run");
        m.put("experiments", options);
        m.put("overrides", req.getParameter("set") == null ? "" : req.getParameter("set"));
        List<Map<String, Object>> recent = new ArrayList<>();
        for (LiveRun r : site.live().all()) {
            recent.add(Map.of("id", r.id(), "experiment", r.experiment(), "overrides", String.join(" ", r.overrides()),
                    "finished", r.finished()));
        }
        m.put("recent", recent);
        m.put("hasRecent", !recent.isEmpty());
        html(resp, "run", m);
    }
}

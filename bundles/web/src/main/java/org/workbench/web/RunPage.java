package org.workbench.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /run}: start an experiment or an example with overrides (the chosen descriptor's parameters
 * listed with their current values) and watch it live; {@code /run?id=} reattaches to a run in
 * progress, or shows how it ended (the page talks to {@link LiveApi}).
 */
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
        Map<String, Path> startable = site.index().startable();
        String id = req.getParameter("id");
        LiveRun watched = id == null ? null : site.live().find(id, site.workspace());
        if (id != null && watched == null) {
            problem(resp, HttpServletResponse.SC_NOT_FOUND, "No such run",
                    "no run " + id + " is in progress or was watched here since the server started; its result folder, "
                            + "if it has one, is listed on the Runs page");
            return;
        }
        String selected = watched != null && startable.containsKey(watched.experiment()) ? watched.experiment()
                : req.getParameter("experiment");
        if (selected == null || !startable.containsKey(selected)) {
            selected = startable.isEmpty() ? null : startable.keySet().iterator().next();
        }
        List<Map<String, Object>> experiments = new ArrayList<>();
        List<Map<String, Object>> examples = new ArrayList<>();
        for (String name : startable.keySet()) {
            (name.startsWith("examples/") ? examples : experiments).add(Map.of("name", name, "selected", name.equals(selected)));
        }
        Map<String, Object> m = model("Run", "Run");
        m.put("experiments", experiments);
        m.put("examples", examples);
        m.put("hasExamples", !examples.isEmpty());
        m.put("overrides", req.getParameter("set") == null ? "" : req.getParameter("set"));
        List<Map<String, Object>> parameters = selected == null ? List.of() : parameters(startable.get(selected));
        m.put("parameters", parameters);
        m.put("hasParameters", !parameters.isEmpty());
        m.put("selectedName", selected);
        if (watched != null) {
            m.put("watch", watched.id());
            m.put("watchName", watched.experiment());
            m.put("watchRunning", !watched.finished());
        }
        List<Map<String, Object>> recent = new ArrayList<>();
        for (LiveRun r : site.live().all()) {
            RunState state = r.state();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("experiment", r.experiment());
            row.put("overrides", String.join(" ", r.overrides()));
            row.put("origin", r.origin());
            row.put("state", state.name());
            row.put("stateText", state.text());
            row.put("resultRun", state.run());
            row.put("resultHref", state.run() == null ? null : "/runs/" + state.run());
            recent.add(row);
        }
        m.put("recent", recent);
        m.put("hasRecent", !recent.isEmpty());
        html(resp, "run", m);
    }

    private static List<Map<String, Object>> parameters(Path descriptor) {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (DescriptorParameters.Parameter p : DescriptorParameters.of(Json.read(descriptor))) {
                out.add(Map.of("path", p.path(), "value", p.value(), "line", p.line()));
            }
        } catch (IOException unreadable) {
            // the run itself reports what is wrong with the file
        }
        return out;
    }
}

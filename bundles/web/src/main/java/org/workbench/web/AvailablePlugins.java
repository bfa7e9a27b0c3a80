package org.workbench.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.workbench.api.Workbench;

/**
 * {@code /plugins/available}: the Plugins page's "Available" list, through the plugin repository's
 * commands (docs/plugin-repository.md). {@code GET} lists what the configured repositories offer
 * ({@code search --json}); {@code GET ?plan=SPEC} says what installing SPEC would add
 * ({@code install --dry-run}); {@code POST ?install=SPEC} or {@code ?update=NAME} (token-guarded,
 * like every state change) does it. Each answer is {@code {status, output}} or the list.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/plugins/available",
        "osgi.http.whiteboard.servlet.name=workbench-plugins-available" })
public final class AvailablePlugins extends Page {
    private static final long serialVersionUID = 1L;
    private static final String FILTER = "(&(objectClass=" + Workbench.class.getName() + ")(workbench.commands=repository))";
    private static final String SPEC = "[A-Za-z0-9][A-Za-z0-9._/-]{0,200}(@[\\[\\(]?[0-9.]+(,[0-9.]+[\\]\\)])?)?";
    private final transient BundleContext context;

    @Activate
    public AvailablePlugins(@Reference Site site, BundleContext context) {
        super(site);
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String plan = req.getParameter("plan");
        if (plan != null) {
            answer(resp, plan, "install", "--dry-run", plan);
            return;
        }
        Outcome search = run("search", "--json");
        if (search == null) {
            json(resp, 503, Map.of("error", "the plugin repository is not started"));
        } else if (search.status() != Workbench.OK) {
            json(resp, 200, Map.of("available", List.of(), "note", search.text()));
        } else {
            resp.setStatus(200);
            resp.setContentType("application/json;charset=utf-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(("{\"available\":" + search.out().strip() + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String install = req.getParameter("install");
        String update = req.getParameter("update");
        if (install != null) {
            answer(resp, install, "install", install);
        } else if (update != null) {
            answer(resp, update, "update", update);
        } else {
            json(resp, 400, Map.of("error", "give install=KIND/NAME[@RANGE] or update=NAME"));
        }
    }

    private void answer(HttpServletResponse resp, String spec, String... args) throws IOException {
        if (!spec.matches(SPEC)) {
            json(resp, 400, Map.of("error", "'" + spec + "' is not KIND/NAME[@RANGE] or a symbolic name"));
            return;
        }
        Outcome o = run(args);
        if (o == null) {
            json(resp, 503, Map.of("error", "the plugin repository is not started"));
            return;
        }
        json(resp, o.status() == Workbench.OK ? 200 : o.status() == Workbench.INVALID ? 400 : 500,
                Map.of("status", o.status(), "output", o.text()));
    }

    private record Outcome(int status, String out, String err) {
        String text() {
            return (out + err).strip();
        }
    }

    private Outcome run(String... args) {
        List<ServiceReference<Workbench>> refs;
        try {
            refs = new ArrayList<>(context.getServiceReferences(Workbench.class, FILTER));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs.isEmpty()) {
            return null;
        }
        Workbench repository = context.getService(refs.get(0));
        if (repository == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                status = repository.execute(args, o, e);
            }
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            context.ungetService(refs.get(0));
        }
    }
}

package org.workbench.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.workbench.api.Parameter;
import org.workbench.api.Provider;

/**
 * {@code /plugins}: every bundle (name, version, state) and every provider (kind, name, version,
 * bundle, parameters); {@code POST /plugins?name=x.jar} with the jar as the body writes it into the
 * plugins folder under a temporary name and renames it, so FileInstall only ever sees whole jars.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/plugins",
        "osgi.http.whiteboard.servlet.name=workbench-plugins" })
public final class PluginsPage extends Page {
    private static final long serialVersionUID = 1L;
    /** The largest jar accepted. */
    static final long MAX_JAR_BYTES = 20L * 1024 * 1024;
    private final transient BundleContext context;

    @Activate
    public PluginsPage(@Reference Site site, BundleContext context) {
        super(site);
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> m = model("Plugins", "Plugins");
        List<Map<String, Object>> bundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            bundles.add(Map.of("id", b.getBundleId(), "name", String.valueOf(b.getSymbolicName()),
                    "version", b.getVersion().toString(), "state", state(b.getState()),
                    "plugin", b.getLocation().contains(site.workspace().plugins().toString())));
        }
        m.put("bundles", bundles);
        m.put("providers", providers());
        m.put("pluginsFolder", site.workspace().plugins().toString());
        m.put("maxMb", MAX_JAR_BYTES / (1024 * 1024));
        RunIndex.Newest newest = site.index().newest(McmcPage.NEWEST);
        List<Map<String, Object>> swaps = swaps(newest.runs());
        if (newest.partial()) {
            m.put("newestOnly", newest.shown(McmcPage.NEWEST));
        }
        m.put("swaps", swaps);
        m.put("hasSwaps", !swaps.isEmpty());
        html(resp, "plugins", m);
    }

    /** The hot swaps recorded in runs' provenance, newest run first. */
    static List<Map<String, Object>> swaps(List<RunRecord> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunRecord r : runs) {
            com.google.gson.JsonElement swaps = Json.at(r.document(), "provenance.swaps");
            if (swaps == null || !swaps.isJsonArray()) {
                continue;
            }
            for (com.google.gson.JsonElement e : swaps.getAsJsonArray()) {
                if (!e.isJsonObject()) {
                    continue;
                }
                com.google.gson.JsonObject o = e.getAsJsonObject();
                out.add(Map.of("run", r.id(), "href", Links.SERVED.run(r.id()), "role", Json.text(o.get("role"), 4),
                        "from", Json.text(o.get("fromBundle"), 4) + " " + Json.text(o.get("fromVersion"), 4),
                        "to", Json.text(o.get("toBundle"), 4) + " " + Json.text(o.get("toVersion"), 4),
                        "atMs", Json.text(o.get("atMs"), 6)));
            }
        }
        return out;
    }

    private List<Map<String, Object>> providers() {
        List<Map<String, Object>> out = new ArrayList<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(Provider.class.getName(), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return out;
        }
        for (ServiceReference<?> ref : refs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", String.valueOf(ref.getProperty(Provider.KIND)));
            row.put("name", String.valueOf(ref.getProperty(Provider.NAME)));
            row.put("summary", ref.getProperty(Provider.SUMMARY) == null ? "" : String.valueOf(ref.getProperty(Provider.SUMMARY)));
            row.put("version", ref.getBundle().getVersion().toString());
            row.put("bundle", ref.getBundle().getSymbolicName());
            row.put("parameters", parameters(ref));
            out.add(row);
        }
        out.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("kind")).thenComparing(r -> (String) r.get("name")));
        return out;
    }

    private String parameters(ServiceReference<?> ref) {
        Object service = context.getService(ref);
        try {
            if (!(service instanceof Provider<?> p)) {
                return "(a different version of the API)";
            }
            List<String> out = new ArrayList<>();
            for (Parameter param : p.parameters()) {
                out.add(param.toString());
            }
            return String.join("; ", out);
        } catch (RuntimeException | LinkageError e) {
            return "(cannot list: " + e + ")";
        } finally {
            context.ungetService(ref);
        }
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.jar")) {
            json(resp, 400, Map.of("error", "the file name must end in .jar and be letters, digits, '.', '_' or '-'"));
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > MAX_JAR_BYTES) {
            json(resp, 413, Map.of("error", "the jar is larger than " + MAX_JAR_BYTES / (1024 * 1024) + " MB"));
            return;
        }
        Path folder = site.workspace().plugins();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".upload-", ".part");
        try {
            long written = 0;
            byte[] head = new byte[4];
            int headLength = 0;
            try (InputStream in = req.getInputStream(); OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    written += n;
                    if (written > MAX_JAR_BYTES) {
                        json(resp, 413, Map.of("error", "the jar is larger than " + MAX_JAR_BYTES / (1024 * 1024) + " MB"));
                        return;
                    }
                    for (int i = 0; i < n && headLength < 4; i++) {
                        head[headLength++] = buffer[i];
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (headLength < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                json(resp, 400, Map.of("error", name + " is not a jar (zip) file"));
                return;
            }
            readableByAll(temporary);
            Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            json(resp, 201, Map.of("installed", name, "bytes", written));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A temporary file is created owner-only (0600); a plugin jar is read like any other file of the plugins
     * folder, so it is published 0644 (where the file system has POSIX permissions).
     */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions; its defaults apply
        }
    }
}

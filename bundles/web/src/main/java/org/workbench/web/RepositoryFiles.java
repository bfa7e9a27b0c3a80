package org.workbench.web;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code /repository/NAME/FILE}: the local plugin repositories (those configured with a folder or
 * {@code file:} URL in the settings file, docs/plugin-repository.md) served read-only, so another
 * machine's workbench can {@code install --repo http://HOST:PORT/repository/NAME/}. Only regular,
 * non-hidden files inside a repository's folder; {@code /repository/} lists the names.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/repository/*",
        "osgi.http.whiteboard.servlet.name=workbench-repository" })
public final class RepositoryFiles extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Path settings;

    @Activate
    public RepositoryFiles(BundleContext context) {
        String file = context.getProperty("workbench.settings");
        String plugins = context.getProperty("workbench.plugins");
        this.settings = file != null ? Path.of(file)
                : Path.of(plugins == null ? "plugins" : plugins).toAbsolutePath().normalize().getParent()
                        .resolve("workbench-settings.json");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Map<String, Path> folders = folders(settings);
        if (path.equals("/")) {
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().print(String.join("\n", folders.keySet()) + (folders.isEmpty() ? "" : "\n"));
            return;
        }
        String[] parts = path.substring(1).split("/", 2);
        Path folder = folders.get(parts[0]);
        if (folder == null || parts.length < 2 || parts[1].isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no repository file " + path);
            return;
        }
        Path file = folder.resolve(parts[1]).normalize();
        if (!file.startsWith(folder) || !folder.equals(file.getParent()) || file.getFileName().toString().startsWith(".")
                || !Files.isRegularFile(file)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no repository file " + path);
            return;
        }
        String name = file.getFileName().toString();
        resp.setContentType(name.endsWith(".jar") ? "application/vnd.osgi.bundle"
                : name.endsWith(".gz") ? "application/gzip" : name.endsWith(".xml") ? "application/xml" : "application/octet-stream");
        resp.setContentLengthLong(Files.size(file));
        resp.setHeader("Cache-Control", "no-cache");
        Files.copy(file, resp.getOutputStream());
    }

    /** The repositories of the settings file that are folders on this machine (a path or a {@code file:} URL), by name. */
    static Map<String, Path> folders(Path settings) throws IOException {
        Map<String, Path> folders = new LinkedHashMap<>();
        if (!Files.isRegularFile(settings)) {
            return folders;
        }
        try (Reader r = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            JsonElement section = root.isJsonObject() ? root.getAsJsonObject().get("repositories") : null;
            if (section == null || !section.isJsonObject()) {
                return folders;
            }
            for (Map.Entry<String, JsonElement> e : ((JsonObject) section).entrySet()) {
                if (!e.getValue().isJsonPrimitive()) {
                    continue;
                }
                String location = e.getValue().getAsString();
                if (location.startsWith("file:")) {
                    folders.put(e.getKey(), Path.of(URI.create(location)).toAbsolutePath().normalize());
                } else if (!location.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                    // a plain folder, read as the repository commands read it (relative to the working folder)
                    folders.put(e.getKey(), Path.of(location).toAbsolutePath().normalize());
                }
            }
        } catch (RuntimeException e) {
            // an unreadable settings file serves nothing; the repository commands say what is wrong with it
        }
        return folders;
    }
}

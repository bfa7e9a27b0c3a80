package org.workbench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /files/<experiment>/<runId>/<file>}: a published run's files, nothing outside it. PNG, SVG, JSON, CSV and
 * text show in the browser; any other file is a download.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/files/*",
        "osgi.http.whiteboard.servlet.name=workbench-files" })
public final class ResultFiles extends Page {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "svg", "image/svg+xml", "json",
            "application/json", "csv", "text/csv", "txt", "text/plain;charset=utf-8", "md", "text/plain;charset=utf-8", "npz",
            "application/octet-stream");

    @Activate
    public ResultFiles(@Reference Site site) {
        super(site);
    }

    /**
     * The file's modification time, so that a browser revalidates its copy ({@code If-Modified-Since},
     * answered 304 by {@link javax.servlet.http.HttpServlet}) instead of fetching it again: a published
     * run folder changes only when {@code --resume} republishes it.
     */
    @Override
    protected long getLastModified(HttpServletRequest req) {
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        String[] parts = rest.split("/", 3);
        if (parts.length < 3 || rest.contains("..") || !parts[2].matches("[A-Za-z0-9._/-]+")) {
            return -1;
        }
        try {
            Optional<RunRecord> run = site.index().find(parts[0] + "/" + parts[1]);
            if (run.isEmpty()) {
                return -1;
            }
            Path folder = run.get().folder().toAbsolutePath().normalize();
            Path file = folder.resolve(parts[2]).normalize();
            return file.startsWith(folder) && Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() / 1000 * 1000 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        String[] parts = rest.split("/", 3);
        if (parts.length < 3 || rest.contains("..")) {
            resp.sendError(404);
            return;
        }
        Optional<RunRecord> run = site.index().find(parts[0] + "/" + parts[1]);
        String ext = parts[2].contains(".") ? parts[2].substring(parts[2].lastIndexOf('.') + 1) : "";
        if (run.isEmpty() || !parts[2].matches("[A-Za-z0-9._/-]+")) {
            resp.sendError(404);
            return;
        }
        Path folder = run.get().folder().toAbsolutePath().normalize();
        Path file = folder.resolve(parts[2]).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        if (!TYPES.containsKey(ext)) {
            resp.setHeader("Content-Disposition", "attachment");
        }
        if (ext.equals("svg")) {
            resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        }
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }
}

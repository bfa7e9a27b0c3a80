package org.workbench.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /static/*}: this bundle's {@code static/} folder (the page script and style, uPlot and KaTeX
 * unpacked from their webjars at build time). The pages link them under {@code /static/v-<hash>/},
 * the hash of the files' content, so a browser keeps them a year and a new build is a new address;
 * text is sent gzipped to browsers that accept it.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/static/*",
        "osgi.http.whiteboard.servlet.name=workbench-static" })
public final class StaticFiles extends Page {
    private static final long serialVersionUID = 1L;
    /** The files whose content names the version; the fonts and licences beside them change with them. */
    private static final String[] VERSIONED = { "workbench.css", "workbench.js", "katex/katex.min.js", "katex/katex.min.css",
            "uplot/uPlot.iife.min.js", "uplot/uPlot.min.css" };
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=utf-8", "js",
            "text/javascript;charset=utf-8", "woff2", "font/woff2", "woff", "font/woff", "ttf", "font/ttf", "svg",
            "image/svg+xml", "png", "image/png", "json", "application/json", "map", "application/json");
    private static final String VERSION = version();
    private final transient Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    @Activate
    public StaticFiles(@Reference Site site) {
        super(site);
    }

    /** Where the pages link the static files: {@code /static/v-<hash>/}. */
    static String base() {
        return "/static/v-" + VERSION + "/";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        boolean current = path.startsWith("/v-" + VERSION + "/");
        if (path.startsWith("/v-")) {
            int slash = path.indexOf('/', 1);
            path = slash < 0 ? "" : path.substring(slash);
        }
        String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Optional<byte[]> body = !path.matches("/[A-Za-z0-9._/-]+") || path.contains("..") || !TYPES.containsKey(ext)
                ? Optional.empty() : files.computeIfAbsent(path, StaticFiles::read);
        if (body.isEmpty()) {
            notFound(resp, "no static file " + path);
            return;
        }
        resp.setContentType(TYPES.get(ext));
        // an old version's address still answers (a page open across a rebuild), but is not kept
        resp.setHeader("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
        if (ext.equals("css") || ext.equals("js") || ext.equals("svg") || ext.equals("json") || ext.equals("map")) {
            Compression.send(req, resp, body.get());
        } else {
            resp.setContentLength(body.get().length);
            resp.getOutputStream().write(body.get());
        }
    }

    /** A file of this bundle's {@code static/} folder ({@code /workbench.css}), or empty when there is none. */
    static Optional<byte[]> read(String path) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : VERSIONED) {
                read("/" + f).ifPresent(sha::update);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.workbench.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** gzip for the text this server sends (pages, style, scripts), to browsers that accept it. */
final class Compression {
    /** Below this size gzip's header costs more than it saves. */
    static final int MIN_SIZE = 512;

    private Compression() {
    }

    static boolean accepted(HttpServletRequest req) {
        String accept = req.getHeader("Accept-Encoding");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).matches(".*\\bgzip\\b(?!;q=0(\\.0*)?\\b).*");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code body}, gzipped when the request accepts it and it is worth it; the caller set the content type. */
    static void send(HttpServletRequest req, HttpServletResponse resp, byte[] body) throws IOException {
        resp.addHeader("Vary", "Accept-Encoding");
        byte[] out = body;
        if (req != null && body.length >= MIN_SIZE && accepted(req)) {
            out = gzip(body);
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(out.length);
        if (req == null || !"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(out);
        }
    }
}

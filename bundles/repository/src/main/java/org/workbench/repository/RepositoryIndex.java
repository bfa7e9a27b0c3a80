package org.workbench.repository;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.osgi.resource.Resource;

import aQute.bnd.osgi.repository.XMLResourceParser;

/**
 * One repository read: its name, the index it was read from and its resources, parsed by bnd's
 * {@link XMLResourceParser} (content URLs resolved against the index). A location that is a
 * folder reads its {@code index.xml}, else its {@code index.xml.gz}.
 */
record RepositoryIndex(String name, URI index, List<Resource> resources) {
    static final int TIMEOUT_MS = 15_000;

    static RepositoryIndex read(String name, URI location) throws IOException {
        String path = location.getPath() == null ? "" : location.getPath();
        List<URI> candidates = path.endsWith(".xml") || path.endsWith(".gz") ? List.of(location)
                : List.of(folder(location).resolve("index.xml"), folder(location).resolve("index.xml.gz"));
        IOException missing = null;
        for (URI index : candidates) {
            byte[] bytes;
            try {
                bytes = fetch(index);
            } catch (FileNotFoundException e) {
                missing = new IOException("repository " + name + ": no index at " + location
                        + " (make one with ./workbench repo index FOLDER)", e);
                continue;
            }
            InputStream in = new ByteArrayInputStream(bytes);
            if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                in = new GZIPInputStream(in);
            }
            try {
                return new RepositoryIndex(name, index, XMLResourceParser.getResources(in, index));
            } catch (Exception e) {
                throw new IOException("repository " + name + ": " + index + " is not an OSGi repository index: " + e, e);
            }
        }
        throw missing;
    }

    private static URI folder(URI location) {
        String s = location.toString();
        return s.endsWith("/") ? location : URI.create(s + "/");
    }

    /** The bytes at {@code uri} ({@code file:} or {@code http(s):}); a missing one is a {@link FileNotFoundException}. */
    static byte[] fetch(URI uri) throws IOException {
        URLConnection c = uri.toURL().openConnection();
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        if (c instanceof HttpURLConnection http && http.getResponseCode() == 404) {
            throw new FileNotFoundException(uri.toString());
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }
}

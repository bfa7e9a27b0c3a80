package org.workbench.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.resource.Resource;

import aQute.bnd.osgi.resource.ResourceUtils;
import aQute.bnd.osgi.resource.ResourceUtils.ContentCapability;

/**
 * Downloads the jars of a plan into the plugins folder: every jar first to a hidden temporary
 * name (which the folder's watcher ignores), its SHA-256 and size checked against the index,
 * and only when all of them match are they renamed to {@code SYMBOLICNAME-VERSION.jar}. A
 * mismatch leaves nothing behind.
 */
final class PluginWriter {
    private final Path plugins;
    private final SigningPolicy signing;

    /**
     * @param signing what the settings ask of each jar's signature; a jar that fails it is refused
     *                (nothing written)
     */
    PluginWriter(Path plugins, SigningPolicy signing) {
        this.plugins = plugins;
        this.signing = signing;
    }

    /** A jar written into the plugins folder, with its signers ({@code null}: unsigned). */
    record Written(Path jar, JarSigners.Signers signers) {
        /** {@code unsigned}, or {@code signed by CN=... (SHA-256 ...)}. */
        String signature() {
            return signers == null ? "unsigned" : "signed by " + signers.text();
        }
    }

    /** A jar that is not the one the index describes. */
    static final class Tampered extends IOException {
        private static final long serialVersionUID = 1L;

        Tampered(String message) {
            super(message);
        }
    }

    List<Written> write(List<Resource> resources) throws IOException {
        Files.createDirectories(plugins);
        Map<Path, Path> moves = new LinkedHashMap<>();
        Map<Path, JarSigners.Signers> signers = new java.util.HashMap<>();
        try {
            for (Resource r : resources) {
                Path target = plugins.resolve(fileName(r));
                Path tmp = Files.createTempFile(plugins, "." + Identity.name(r), ".part");
                moves.put(tmp, target);
                byte[] bytes = download(r);
                Files.write(tmp, bytes);
                JarSigners.Signers signer = JarSigners.of(tmp);
                signing.check(r, ResourceUtils.getContentCapability(r).url().toString(), signer);
                signers.put(tmp, signer);
            }
            List<Written> written = new ArrayList<>();
            for (Map.Entry<Path, Path> m : moves.entrySet()) {
                Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(new Written(m.getValue(), signers.get(m.getKey())));
            }
            return written;
        } finally {
            for (Path tmp : moves.keySet()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * The bytes of {@code r}'s jar, downloaded from the URL its index gives, once their SHA-256 and size
     * are the index's ({@code osgi.content}).
     *
     * @throws Tampered when they are not
     */
    static byte[] download(Resource r) throws IOException {
        ContentCapability content = ResourceUtils.getContentCapability(r);
        if (content == null || content.url() == null) {
            throw new IOException(Identity.text(r) + ": the index gives no URL for its jar");
        }
        byte[] bytes = RepositoryIndex.fetch(content.url());
        String sha = sha256(bytes);
        if (content.osgi_content() == null || !content.osgi_content().equalsIgnoreCase(sha)
                || (content.size() > 0 && content.size() != bytes.length)) {
            throw new Tampered(content.url() + " is not the jar the index describes: SHA-256 " + sha + " ("
                    + bytes.length + " bytes), the index says " + content.osgi_content() + " ("
                    + content.size() + " bytes); nothing was installed");
        }
        return bytes;
    }

    /** A jar that is not signed, or not by a trusted signer, where the settings require it. */
    static final class Unsigned extends IOException {
        private static final long serialVersionUID = 1L;

        Unsigned(String message) {
            super(message);
        }
    }

    static String fileName(Resource r) {
        return Identity.name(r).replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Identity.version(r) + ".jar";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}

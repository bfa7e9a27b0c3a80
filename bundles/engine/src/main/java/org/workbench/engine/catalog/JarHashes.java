package org.workbench.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of jars, each read once while its size and modification time stay the same: the pins
 * of cluster units ({@link FrameworkBundles}) and the check of built-in bundles ({@link BuiltInBundles})
 * share it.
 */
final class JarHashes {
    private final Map<String, String> known = new ConcurrentHashMap<>();

    /** The jar's SHA-256 in hex, or {@code ""} when it cannot be read. */
    String of(Path jar) {
        try {
            String key = jar + "@" + Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
            String sha = known.get(key);
            if (sha == null) {
                sha = sha256(jar);
                known.put(key, sha);
            }
            return sha;
        } catch (IOException e) {
            return "";
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

package org.workbench.executor.hazelcast;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.workbench.api.execution.BundlePin;

/**
 * {@link BundleHashes} of this OSGi framework's bundles: the jar a bundle was installed from
 * ({@code reference:file:} or {@code file:} locations, hashed once per file size and time), or the
 * checked hash a fetched bundle's location carries ({@code workbench-fetched:NAME@VERSION#SHA256},
 * given by the engine only after it compared the fetched bytes with the pin). Outside a framework
 * (this bundle's unit tests) no bundle is present.
 */
final class FrameworkHashes implements BundleHashes {
    private static final String FETCHED = "workbench-fetched:";
    private final BundleContext context;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private FrameworkHashes(BundleContext context) {
        this.context = context;
    }

    /** The hashes of the framework this class runs in, or none outside one. */
    static BundleHashes here() {
        Bundle own = FrameworkUtil.getBundle(FrameworkHashes.class);
        BundleContext context = own == null ? null : own.getBundleContext();
        return context == null ? pin -> Optional.empty() : new FrameworkHashes(context);
    }

    @Override
    public Optional<String> sha256(BundlePin pin) {
        Version v;
        try {
            v = Version.parseVersion(pin.version());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Bundle b : context.getBundles()) {
            if (pin.symbolicName().equals(b.getSymbolicName()) && v.equals(b.getVersion())
                    && b.getState() != Bundle.UNINSTALLED) {
                return Optional.of(hash(b.getLocation()));
            }
        }
        return Optional.empty();
    }

    private String hash(String location) {
        if (location.startsWith(FETCHED)) {
            int at = location.lastIndexOf('#');
            return at < 0 ? "" : location.substring(at + 1);
        }
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!l.startsWith("file:")) {
            return "";
        }
        try {
            Path file = Path.of(URI.create(l));
            if (!Files.isRegularFile(file)) {
                return "";
            }
            String key = file + "@" + Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
            String known = cache.get(key);
            if (known != null) {
                return known;
            }
            String sha = sha256(file);
            cache.put(key, sha);
            return sha;
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.workbench.engine.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.MissingBundleException;

/**
 * The jars of this framework's bundles: their SHA-256 for the pins of units, their bytes for
 * members that lack them, and, on a member, the installation of a fetched jar once its symbolic
 * name, version and SHA-256 are checked.
 */
public final class FrameworkBundles implements BundleJars {
    private static final long PROVIDER_WAIT_MS = 10_000;
    private final BundleContext context;
    private final ProviderSource providers;
    private final JarHashes hashes = new JarHashes();

    public FrameworkBundles(BundleContext context, ProviderSource providers) {
        this.context = context;
        this.providers = providers;
    }

    @Override
    public BundlePin pin(ProviderEntry entry) {
        Bundle b = context.getBundle(entry.bundleId());
        String sha = "";
        if (b != null) {
            sha = file(b).map(this::hash).orElse("");
        }
        return new BundlePin(entry.bundle(), entry.version().toString(), sha);
    }

    @Override
    public Optional<byte[]> jar(BundlePin pin) throws IOException {
        Bundle b = find(pin);
        if (b == null) {
            return Optional.empty();
        }
        Optional<Path> file = file(b);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file.get());
        return pin.sha256().isEmpty() || sha256(bytes).equals(pin.sha256()) ? Optional.of(bytes) : Optional.empty();
    }

    @Override
    public void ensure(List<BundlePin> pins, JarSource source) throws MissingBundleException, InterruptedException {
        for (BundlePin pin : pins) {
            if (find(pin) != null) {
                continue;
            }
            install(pin, source);
        }
    }

    private synchronized void install(BundlePin pin, JarSource source) throws MissingBundleException, InterruptedException {
        if (find(pin) != null) {
            return;
        }
        Optional<byte[]> jar;
        try {
            jar = source.jar(pin);
        } catch (Exception e) {
            throw new MissingBundleException(pin, "this member lacks bundle " + pin + " and could not fetch it: " + e);
        }
        if (jar.isEmpty()) {
            throw new MissingBundleException(pin, "this member lacks bundle " + pin + " and the coordinator offers no jar of it");
        }
        byte[] bytes = jar.get();
        String sha = sha256(bytes);
        if (!pin.sha256().isEmpty() && !sha.equals(pin.sha256())) {
            throw new MissingBundleException(pin, "the fetched jar of " + pin + " has SHA-256 " + sha + ", not the pinned "
                    + pin.sha256() + "; not installed");
        }
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest m = in.getManifest();
            String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            String version = m == null ? null : m.getMainAttributes().getValue("Bundle-Version");
            if (bsn == null || version == null || !bsn.split(";")[0].trim().equals(pin.symbolicName())
                    || !Version.parseVersion(version).equals(Version.parseVersion(pin.version()))) {
                throw new MissingBundleException(pin, "the fetched jar for " + pin + " is bundle " + bsn + " " + version
                        + "; not installed");
            }
        } catch (IOException e) {
            throw new MissingBundleException(pin, "the fetched jar for " + pin + " is not a readable jar: " + e);
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            Bundle b = context.installBundle("workbench-fetched:" + pin.symbolicName() + "@" + pin.version() + "#" + sha, in);
            b.start();
        } catch (BundleException | IOException e) {
            throw new MissingBundleException(pin, "the fetched jar of " + pin + " did not install: " + e.getMessage());
        }
        long deadline = System.currentTimeMillis() + PROVIDER_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            boolean visible = providers.entries().stream().anyMatch(e -> e.bundle().equals(pin.symbolicName())
                    && e.version().equals(Version.parseVersion(pin.version())));
            if (visible) {
                return;
            }
            Thread.sleep(10);
        }
        throw new MissingBundleException(pin, "bundle " + pin + " was fetched and installed, but registered no provider within "
                + PROVIDER_WAIT_MS / 1000 + " s");
    }

    private Bundle find(BundlePin pin) {
        Version v = Version.parseVersion(pin.version());
        for (Bundle b : context.getBundles()) {
            if (pin.symbolicName().equals(b.getSymbolicName()) && v.equals(b.getVersion())
                    && (b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.INSTALLED)) != 0) {
                return b;
            }
        }
        return null;
    }

    private static Optional<Path> file(Bundle b) {
        String location = b.getLocation();
        if (location.startsWith("reference:")) {
            location = location.substring("reference:".length());
        }
        if (!location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(URI.create(location));
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String hash(Path file) {
        return hashes.of(file);
    }

    private static String sha256(byte[] bytes) {
        return JarHashes.sha256(bytes);
    }
}

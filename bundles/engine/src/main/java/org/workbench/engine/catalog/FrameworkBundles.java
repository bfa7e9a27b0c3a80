package org.workbench.engine.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
import org.workbench.api.execution.RepositorySource;

/**
 * The jars of this framework's bundles: their SHA-256 for the pins of units, their repository
 * ({@link PinnedRepository}) for members that lack them, and, on a member, the installation of a
 * jar fetched through that repository once its symbolic name, version and SHA-256 are checked.
 */
public final class FrameworkBundles implements BundleJars {
    private static final long PROVIDER_WAIT_MS = 10_000;
    private static final String FETCHED = "workbench-fetched:";
    private final BundleContext context;
    private final ProviderSource providers;
    private final JarHashes hashes = new JarHashes();
    private final PinnedRepository repository;

    public FrameworkBundles(BundleContext context, ProviderSource providers) {
        this.context = context;
        this.providers = providers;
        this.repository = new PinnedRepository(new RepositoryBridge(context)::execute);
    }

    @Override
    public BundlePin pin(ProviderEntry entry) {
        Bundle b = context.getBundle(entry.bundleId());
        return new BundlePin(entry.bundle(), entry.version().toString(), b == null ? "" : sha256(b));
    }

    @Override
    public Optional<String> sha256(BundlePin pin) {
        Bundle b = find(pin);
        return b == null ? Optional.empty() : Optional.of(sha256(b));
    }

    /** The SHA-256 of the jar {@code b} was installed from, or the checked one a fetched bundle's location carries. */
    private String sha256(Bundle b) {
        String location = b.getLocation();
        if (location.startsWith(FETCHED)) {
            int at = location.lastIndexOf('#');
            return at < 0 ? "" : location.substring(at + 1);
        }
        return file(b).map(this::hash).orElse("");
    }

    @Override
    public Map<String, byte[]> repository(Collection<BundlePin> pins) throws IOException {
        return repository.offer(pins, pin -> {
            try {
                return jar(pin);
            } catch (IOException e) {
                return Optional.empty();
            }
        });
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
        if (!pin.sha256().matches("[0-9a-f]{64}")) {
            throw new MissingBundleException(pin, "this member lacks bundle " + pin + " and the coordinator pinned no"
                    + " SHA-256 to check a fetched jar against (it could not read its own): not fetched");
        }
        if (!(source instanceof RepositorySource coordinator)) {
            throw new MissingBundleException(pin, "this member lacks bundle " + pin
                    + " and its executor offers no repository to fetch it from");
        }
        byte[] bytes = repository.fetch(pin, coordinator);
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
            Bundle b = context.installBundle(FETCHED + pin.symbolicName() + "@" + pin.version() + "#" + sha, in);
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

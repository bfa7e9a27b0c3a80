package org.workbench.engine.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.workbench.api.execution.BundlePin;
import org.workbench.api.execution.JarSource;
import org.workbench.api.execution.MissingBundleException;

/** The jars behind providers: pins for units, bytes for members that lack them, installation on members. */
public interface BundleJars {
    /** Outside a framework: pins without hashes, no jars, nothing to install. */
    BundleJars NONE = new BundleJars() {
        @Override
        public BundlePin pin(ProviderEntry entry) {
            return new BundlePin(entry.bundle(), entry.version().toString(), "");
        }

        @Override
        public Optional<byte[]> jar(BundlePin pin) {
            return Optional.empty();
        }

        @Override
        public void ensure(List<BundlePin> pins, JarSource source) {
        }

        @Override
        public Map<String, byte[]> repository(Collection<BundlePin> pins) {
            return Map.of();
        }

        @Override
        public Optional<String> sha256(BundlePin pin) {
            return Optional.empty();
        }
    };

    /** The exact bundle behind a provider. */
    BundlePin pin(ProviderEntry entry);

    /** The bytes of a pinned bundle this framework runs, if it can read them. */
    Optional<byte[]> jar(BundlePin pin) throws Exception;

    /** The OSGi repository (index and jars, by path) of the pinned bundles this framework runs, for members that lack one. */
    Map<String, byte[]> repository(Collection<BundlePin> pins) throws Exception;

    /** The SHA-256 of this framework's jar of the pin's bundle ("" when unreadable), empty when there is none. */
    Optional<String> sha256(BundlePin pin);

    /**
     * Makes sure every pinned bundle runs here, fetching a missing one from {@code source} (the
     * coordinator's repository, read and checked by the plugin repository's code), checking its
     * symbolic name, version and SHA-256, installing and starting it.
     *
     * @throws MissingBundleException when one is missing and cannot be had
     */
    void ensure(List<BundlePin> pins, JarSource source) throws MissingBundleException, InterruptedException;
}

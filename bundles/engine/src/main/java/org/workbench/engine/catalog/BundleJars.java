package org.workbench.engine.catalog;

import java.util.List;
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
    };

    /** The exact bundle behind a provider. */
    BundlePin pin(ProviderEntry entry);

    /** The bytes of a pinned bundle this framework runs, if it can read them. */
    Optional<byte[]> jar(BundlePin pin) throws Exception;

    /**
     * Makes sure every pinned bundle runs here, fetching a missing one from {@code source}, checking
     * its symbolic name, version and SHA-256, installing and starting it.
     *
     * @throws MissingBundleException when one is missing and cannot be had
     */
    void ensure(List<BundlePin> pins, JarSource source) throws MissingBundleException, InterruptedException;
}

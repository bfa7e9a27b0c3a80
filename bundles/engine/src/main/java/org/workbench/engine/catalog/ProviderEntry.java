package org.workbench.engine.catalog;

import java.util.function.Supplier;

import org.osgi.framework.Version;
import org.workbench.api.Provider;

/**
 * One registered provider as the engine sees it. Everything but the provider object comes from the
 * service's properties and bundle, so listing and choosing providers activates none of them; the
 * object is fetched on first use ({@link #provider()}), and Declarative Services activates only the
 * components a run really uses.
 *
 * @param kind     its kind
 * @param name     its name
 * @param summary  its one-line description ("" when it gave none)
 * @param version  its bundle's version
 * @param bundle   its bundle's symbolic name
 * @param bundleId its bundle's id (0 outside a framework)
 * @param source   fetches the service object
 */
public record ProviderEntry(String kind, String name, String summary, Version version, String bundle, long bundleId,
        Supplier<Provider<?>> source) {

    /** An entry for a provider object already at hand (tests, programmatic use). */
    public static ProviderEntry of(String kind, String name, String summary, Version version, String bundle,
            long bundleId, Provider<?> provider) {
        return new ProviderEntry(kind, name, summary, version, bundle, bundleId, () -> provider);
    }

    /**
     * The provider object.
     *
     * @throws IllegalStateException when its component cannot be activated (or has just gone away)
     */
    public Provider<?> provider() {
        Provider<?> p = source.get();
        if (p == null) {
            throw new IllegalStateException(label() + " is registered but its component failed to activate");
        }
        return p;
    }

    /** Whether the provider object can be had (fetching it, and so activating its component, if need be). */
    public boolean available() {
        return source.get() != null;
    }

    /** "prior 'gaussian' 1.0.0" — how messages name it. */
    public String label() {
        return kind + " '" + name + "' " + version;
    }
}

package org.workbench.engine.catalog;

import org.osgi.framework.Version;
import org.workbench.api.Provider;

/**
 * One registered provider as the engine sees it.
 *
 * @param kind     its kind
 * @param name     its name
 * @param summary  its one-line description ("" when it gave none)
 * @param version  its bundle's version
 * @param bundle   its bundle's symbolic name
 * @param bundleId its bundle's id (0 outside a framework)
 * @param provider the service object
 */
public record ProviderEntry(String kind, String name, String summary, Version version, String bundle, long bundleId,
        Provider<?> provider) {

    /** "prior 'gaussian' 1.0.0" — how messages name it. */
    public String label() {
        return kind + " '" + name + "' " + version;
    }
}

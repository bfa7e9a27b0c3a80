package org.workbench.runtime;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The system bundle's package exports, computed by the framework at the first start with a bundle
 * cache and given back to it at the later starts that reuse that cache. Felix expands a template of
 * the JDK's packages (a property substitution per package and version) and parses the result at
 * every start; handed the expanded list it only parses it. The list depends on the Java runtime, its
 * modules, the framework's jar and the extra packages, all of which are in the cache's stamp
 * ({@link Launcher#stamp}), so a reused cache has the list its start would compute.
 */
final class SystemPackages {
    private final FrameworkStorage storage;
    private final Optional<String> known;

    private SystemPackages(FrameworkStorage storage, Optional<String> known) {
        this.storage = storage;
        this.known = known;
    }

    /**
     * Puts the system bundle's exports into {@code config}: the list kept with a reused cache
     * (which already holds {@code extra}), else the framework's own template plus {@code extra}.
     */
    static SystemPackages configure(Map<String, ? super String> config, FrameworkStorage storage, String extra)
            throws IOException {
        Optional<String> known = storage.systemPackages();
        if (known.isPresent()) {
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES, known.get());
        } else {
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extra);
        }
        return new SystemPackages(storage, known);
    }

    /** Whether the framework was given the kept list. */
    boolean reused() {
        return known.isPresent();
    }

    /** After the framework's init: keeps the list it computed (with the extra packages) for the next start. */
    void keep(BundleContext context) throws IOException {
        if (known.isEmpty()) {
            storage.recordSystemPackages(context.getProperty(Constants.FRAMEWORK_SYSTEMPACKAGES));
        }
    }
}

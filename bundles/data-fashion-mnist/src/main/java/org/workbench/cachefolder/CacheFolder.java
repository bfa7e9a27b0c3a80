package org.workbench.cachefolder;

import java.nio.file.Path;

/**
 * The workbench's cache folder, the one rule for every bundle that keeps a cache there (decoded
 * Fashion-MNIST, the vector backend's kernel choices): the system property {@code workbench.cache},
 * else the environment variable {@code WORKBENCH_CACHE}, else {@code $XDG_CACHE_HOME/workbench} (an
 * absolute {@code XDG_CACHE_HOME} only, as the XDG spec says), else {@code ~/.cache/workbench}. Kept in
 * {@code bundles/data-fashion-mnist}'s sources and copied privately into each bundle that uses it by bnd's
 * {@code -conditionalpackage} (a bundle here imports only the API, the JDK, OSGi and libraries).
 */
public final class CacheFolder {
    private CacheFolder() {
    }

    /** The folder for this process's system properties and environment. */
    public static Path user() {
        return of(System.getProperty("workbench.cache"), System.getenv("WORKBENCH_CACHE"), System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home"));
    }

    /** The folder for these values of the property, the variables and the home folder (null or blank: not set). */
    public static Path of(String property, String variable, String xdgCacheHome, String home) {
        for (String chosen : new String[] {property, variable}) {
            if (chosen != null && !chosen.isBlank()) {
                return Path.of(chosen);
            }
        }
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome, "workbench");
        }
        return Path.of(home, ".cache", "workbench");
    }
}

package org.workbench.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.bundle.FindHook;

/**
 * What FileInstall sees of the framework: the bundles it installed from the plugins folder and
 * the system bundle, nothing else. FileInstall meets a jar whose symbolic name and version an
 * installed bundle already has by updating that bundle from the jar; with the distribution's
 * bundles out of its sight, a plugin that copies a built-in's name and version is refused by the
 * framework (and reported) instead of silently replacing the built-in's code.
 */
final class PluginWatcherView implements FindHook {
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    private final Path folder;

    PluginWatcherView(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        Bundle caller;
        try {
            caller = context.getBundle();
        } catch (IllegalStateException e) {
            return;
        }
        if (caller == null || !FILEINSTALL.equals(caller.getSymbolicName())) {
            return;
        }
        bundles.removeIf(b -> b.getBundleId() != 0 && !fromFolder(b.getLocation()));
    }

    /** Whether a bundle location names a file directly in the plugins folder. */
    boolean fromFolder(String location) {
        if (location == null || !location.startsWith("file:")) {
            return false;
        }
        try {
            Path file = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return folder.equals(file.getParent());
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package org.workbench.repository;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** The bundles installed from the plugins folder, and what needs them. */
final class InstalledPlugins {
    private final BundleContext context;
    private final Path folder;

    InstalledPlugins(BundleContext context, Path folder) {
        this.context = context;
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path folder() {
        return folder;
    }

    /** Every installed bundle's versions by symbolic name (plugins and the distribution's own). */
    Map<String, TreeSet<org.osgi.framework.Version>> versions() {
        Map<String, TreeSet<org.osgi.framework.Version>> versions = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null) {
                versions.computeIfAbsent(b.getSymbolicName(), k -> new TreeSet<>()).add(b.getVersion());
            }
        }
        return versions;
    }

    /** The bundles whose jar is in the plugins folder. */
    List<Bundle> plugins() {
        List<Bundle> plugins = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            Path jar = jar(b);
            if (jar != null && folder.equals(jar.getParent())) {
                plugins.add(b);
            }
        }
        return plugins;
    }

    static Path jar(Bundle b) {
        String location = b.getLocation();
        if (location.startsWith("reference:")) {
            location = location.substring("reference:".length());
        }
        try {
            URI uri = URI.create(location);
            return "file".equals(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The plugin bundles {@code name} means: a symbolic name, or {@code KIND/NAME} of a provider they register. */
    List<Bundle> named(String name) {
        List<Bundle> found = new ArrayList<>();
        for (Bundle b : plugins()) {
            if (name.equals(b.getSymbolicName()) || registers(b, name)) {
                found.add(b);
            }
        }
        return found;
    }

    private static boolean registers(Bundle b, String kindName) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs == null) {
            return false;
        }
        for (ServiceReference<?> ref : refs) {
            if (kindName.equals(ref.getProperty("workbench.kind") + "/" + ref.getProperty("workbench.name"))) {
                return true;
            }
        }
        return false;
    }

    /** The other bundles wired to {@code bundle}, each with what it takes from it. */
    static List<String> dependants(Bundle bundle) {
        List<String> dependants = new ArrayList<>();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return dependants;
        }
        for (BundleWire w : wiring.getProvidedWires(null)) {
            BundleRevision requirer = w.getRequirer();
            if (requirer.getBundle().getBundleId() != bundle.getBundleId()
                    && requirer.getBundle().getState() != Bundle.UNINSTALLED
                    && !w.getRequirement().getNamespace().equals("osgi.wiring.host")) {
                String line = requirer.getSymbolicName() + " " + requirer.getVersion() + " (needs "
                        + RequirementText.of(w.getRequirement()) + ")";
                if (!dependants.contains(line)) {
                    dependants.add(line);
                }
            }
        }
        return dependants;
    }
}

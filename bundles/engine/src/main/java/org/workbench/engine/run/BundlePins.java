package org.workbench.engine.run;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;
import org.workbench.engine.catalog.ProviderEntry;

/**
 * Pins a run's bundles for as long as the run lasts: before anything runs, every class of every
 * bundle the plan uses is loaded through that bundle's current class loader. A jar replaced or
 * removed from the plugins folder during the run then takes effect for the next run only: the
 * update disposes of the old class loader's jar, and a class that the run would otherwise have
 * loaded late (on first use, minutes in) can no longer be found, which used to end the run with
 * {@code NoClassDefFoundError}. Loading does not initialise the classes (no static initialiser
 * runs early); a class that cannot be loaded (an optional dependency that is absent) is skipped,
 * as it would fail the same way later.
 */
final class BundlePins {
    private BundlePins() {
    }

    /** Loads every class of the bundles of {@code plan}'s providers; returns how many bundles. */
    static int pin(Plan plan) {
        Set<Bundle> bundles = new LinkedHashSet<>();
        add(bundles, plan.task());
        plan.everyComponent().forEach(c -> add(bundles, c.entry()));
        for (Bundle b : bundles) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null || wiring.getClassLoader() == null) {
                continue;
            }
            Collection<String> classes = wiring.listResources("/", "*.class",
                    BundleWiring.LISTRESOURCES_LOCAL | BundleWiring.LISTRESOURCES_RECURSE);
            ClassLoader loader = wiring.getClassLoader();
            for (String resource : classes) {
                String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // it would fail the same way when first used
                }
            }
        }
        return bundles.size();
    }

    private static void add(Set<Bundle> bundles, ProviderEntry entry) {
        try {
            Bundle b = FrameworkUtil.getBundle(entry.provider().getClass());
            if (b != null) {
                bundles.add(b);
            }
        } catch (RuntimeException gone) {
            // a provider that has gone away fails the run where it is first used
        }
    }
}

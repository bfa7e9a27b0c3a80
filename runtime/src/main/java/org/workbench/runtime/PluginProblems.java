package org.workbench.runtime;

import java.nio.file.Path;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * Why a jar of the plugins folder has no bundle of its own, as one phrase: the framework's reason
 * for refusing it ({@link PluginRefusals}), what is wrong with the file ({@link PluginJar}), or
 * the installed bundle whose symbolic name and version it repeats. Registered as a
 * {@code Function<String, String>} (jar file name to reason, {@code null} when none is known) with
 * the service property {@value #PROPERTY}={@value #VALUE}, for {@code list}.
 */
final class PluginProblems implements Function<String, String> {
    static final String PROPERTY = "workbench.service";
    static final String VALUE = "plugin-problems";
    private final Path folder;
    private final PluginRefusals refusals;
    private final BundleContext context;
    private final PluginWatcherView view;

    PluginProblems(Path folder, PluginRefusals refusals, BundleContext context) {
        this.folder = folder.toAbsolutePath().normalize();
        this.refusals = refusals;
        this.context = context;
        this.view = new PluginWatcherView(this.folder);
    }

    @Override
    public String apply(String fileName) {
        Path jar = folder.resolve(fileName);
        String problem = PluginJar.problem(jar);
        if (problem != null) {
            return problem;
        }
        String refused = refusals.reason(jar);
        Bundle same = sameIdentity(jar);
        if (refused != null && PluginJar.isExtension(jar)) {
            return "extension bundles are not plugins (its Fragment-Host names the framework, whose class path it"
                    + " would join); the framework refused it: " + refused;
        }
        if (refused != null) {
            return "the framework refused it: " + refused
                    + (same == null ? "" : " (" + describe(same) + " has that symbolic name and version)");
        }
        if (same != null && view.fromFolder(same.getLocation())) {
            return "its symbolic name and version are those of " + describe(same)
                    + ", which FileInstall updated from this jar instead; give one of them another Bundle-Version";
        }
        return null;
    }

    /** Whether start-up need not wait for {@code jar}: it cannot become a bundle of its own. */
    boolean settledWithoutBundle(Path jar) {
        return PluginJar.problem(jar) != null || refusals.reason(jar) != null || sameIdentity(jar) != null;
    }

    private Bundle sameIdentity(Path jar) {
        String[] identity = PluginJar.identity(jar);
        if (identity == null) {
            return null;
        }
        Version version;
        try {
            version = Version.parseVersion(identity[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (Bundle b : context.getBundles()) {
            if (identity[0].equals(b.getSymbolicName()) && version.equals(b.getVersion())
                    && !b.getLocation().endsWith("/" + jar.getFileName())) {
                return b;
            }
        }
        return null;
    }

    private static String describe(Bundle b) {
        String location = b.getLocation();
        return "bundle " + b.getSymbolicName() + " " + b.getVersion() + " [" + b.getBundleId() + "] from "
                + location.substring(location.lastIndexOf('/') + 1);
    }
}

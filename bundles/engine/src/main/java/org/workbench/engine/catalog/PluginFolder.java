package org.workbench.engine.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The watched plugins folder as {@code list} reports it: every jar there and the state of the
 * bundle installed from it, so that a jar that is not a bundle, or a bundle that does not resolve
 * or start, is visible instead of silently missing.
 */
public final class PluginFolder {
    /** Framework property naming the watched folder; set by the runtime. */
    public static final String PROPERTY = "workbench.plugins";
    /** The filter of the runtime's service that says why a jar has no bundle (a {@code Function<String, String>}). */
    static final String PROBLEMS = "(workbench.service=plugin-problems)";
    private final BundleContext context;
    private final java.util.Set<String> builtInNames;

    public PluginFolder(BundleContext context) {
        this.context = context;
        this.builtInNames = BuiltInBundles.of(FolderBundles.home(context)).symbolicNames();
    }

    /** One line per jar in the plugins folder: file, bundle, version, state. Empty when there is no folder. */
    public List<String> describe() {
        String folder = context.getProperty(PROPERTY);
        List<String> lines = new ArrayList<>();
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            return lines;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(Path.of(folder))) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of("cannot read " + folder + ": " + e.getMessage());
        }
        for (Path jar : jars) {
            Bundle bundle = installedFrom(jar);
            if (bundle == null) {
                String why = whyNotInstalled(jar.getFileName().toString());
                lines.add(jar.getFileName() + ": not installed" + (why == null
                        ? " (not an OSGi bundle, or still being written)" : ": " + why));
            } else if (builtInNames.contains(bundle.getSymbolicName())) {
                lines.add(jar.getFileName() + ": " + bundle.getSymbolicName() + " " + bundle.getVersion() + " ["
                        + bundle.getBundleId() + "] REFUSED: " + refusal(bundle.getSymbolicName()));
            } else {
                lines.add(jar.getFileName() + ": " + bundle.getSymbolicName() + " " + bundle.getVersion() + " ["
                        + bundle.getBundleId() + "] " + (bundle.getState() == Bundle.INSTALLED ? unresolved(bundle)
                                : state(bundle)));
            }
        }
        return lines;
    }

    /** Why a plugin with a built-in bundle's symbolic name is never resolved, started or used. */
    static String refusal(String symbolicName) {
        return symbolicName + " is the symbolic name of a bundle of the distribution, and a plugin may not take it"
                + " (it would pass for the built-in); the runtime keeps it from resolving, so it is never started or"
                + " used. Give the plugin a Bundle-SymbolicName of its own";
    }

    /**
     * The runtime's account of a jar without a bundle (empty, not a bundle, truncated, refused by
     * the framework with its reason), from its {@code plugin-problems} service; {@code null} when
     * the runtime offers none or knows nothing.
     */
    @SuppressWarnings("unchecked")
    private String whyNotInstalled(String fileName) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(Function.class.getName(), PROBLEMS);
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                Object service = context.getService(ref);
                try {
                    if (service instanceof Function<?, ?> f) {
                        Object why = ((Function<String, ?>) f).apply(fileName);
                        if (why != null) {
                            return why.toString();
                        }
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return null;
        }
        return null;
    }

    private Bundle installedFrom(Path jar) {
        String name = jar.getFileName().toString();
        for (Bundle b : context.getBundles()) {
            String location = b.getLocation();
            if (location.endsWith("/" + name) && location.contains(jar.getParent().getFileName().toString())) {
                return b;
            }
        }
        return null;
    }

    /**
     * Why a bundle stays INSTALLED: the packages it imports that nothing exports in the range it
     * asks for ("needs org.workbench.api [1.3,2), installed 1.2.0"), else the framework's own
     * account, from an attempt to start it.
     */
    String unresolved(Bundle b) {
        String host = b.getHeaders().get(Constants.FRAGMENT_HOST);
        if (host != null) {
            return "NOT ATTACHED: a fragment of " + host.split(";")[0].trim()
                    + ", which is not installed, or was resolved before the fragment came (fragments attach when"
                    + " their host resolves)";
        }
        try {
            b.start(Bundle.START_TRANSIENT);
            return state(b);
        } catch (BundleException e) {
            List<String> imports = new MissingImports(context).describe(b);
            if (!imports.isEmpty()) {
                return "NOT RESOLVED: " + String.join("; ", imports);
            }
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            int missing = reason.indexOf("missing requirement");
            return "NOT RESOLVED: " + (missing >= 0 ? reason.substring(missing) : reason);
        } catch (IllegalStateException | SecurityException e) {
            return state(b);
        }
    }

    private static boolean isLazy(Bundle b) {
        String policy = b.getHeaders().get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved, not started";
            case Bundle.INSTALLED -> "installed but NOT RESOLVED";
            case Bundle.STARTING -> isLazy(b) ? "active on first use (lazy activation)" : "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}

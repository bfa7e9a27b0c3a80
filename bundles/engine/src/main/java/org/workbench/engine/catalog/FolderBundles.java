package org.workbench.engine.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Installs (once) and starts the bundles of one folder of the distribution, beside the
 * {@code bundles/} folder the engine came from. They are started transiently, so that a reused
 * bundle cache does not start them again for a later command that does not need them (the
 * runtime also uninstalls them when it stops).
 */
public final class FolderBundles implements OnDemandBundles {
    private final BundleContext context;

    public FolderBundles(BundleContext context) {
        this.context = context;
    }

    @Override
    public String start(String folder) {
        try {
            start(context, folder);
            return null;
        } catch (IOException | BundleException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Override
    public List<Path> jars(String folder) {
        try (Stream<Path> jars = Files.list(folder(context, folder))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Installs (once) and starts every bundle of the distribution's folder {@code name}, which the
     * distribution must declare on demand ({@code distribution.properties}).
     */
    public static synchronized void start(BundleContext context, String name) throws IOException, BundleException {
        DeclaredFolders.requireOnDemand(home(context), name);
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder(context, name))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                String location = "reference:" + jar.toUri();
                Bundle b = context.getBundle(location);
                installed.add(b != null ? b : context.installBundle(location));
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE) {
                b.start(Bundle.START_TRANSIENT);
            }
        }
    }

    /**
     * Stops (transiently) the started bundles of the distribution's folder {@code name}, leaving them
     * installed for the next {@link #start}: what the web workbench does to close its port.
     */
    public static synchronized void stop(BundleContext context, String name) throws IOException, BundleException {
        try (Stream<Path> jars = Files.list(folder(context, name))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Bundle b = context.getBundle("reference:" + jar.toUri());
                if (b != null && b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() == Bundle.ACTIVE) {
                    b.stop(Bundle.STOP_TRANSIENT);
                }
            }
        }
    }

    /** The distribution folder: the framework property {@code workbench.home}, else the parent of the engine's {@code bundles/}. */
    public static Path home(BundleContext context) {
        Object home = context.getProperty("workbench.home");
        if (home != null) {
            return Path.of(home.toString());
        }
        String location = context.getBundle().getLocation();
        if (location.startsWith("reference:")) {
            location = location.substring("reference:".length());
        }
        return Path.of(URI.create(location)).getParent().getParent();
    }

    /** The distribution's folder {@code name}: beside the {@code bundles/} folder the engine was installed from. */
    public static Path folder(BundleContext context, String name) throws IOException {
        Path folder = home(context).resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IOException("the distribution has no folder " + folder + " (build it with mvn install)");
        }
        return folder;
    }
}

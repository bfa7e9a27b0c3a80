package org.workbench.engine.serve;

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
 * Bundles of the distribution that only some commands need, installed on demand: {@code web/}
 * (the pages, templates and markdown: serve and report) and {@code http/} (Jetty: serve only).
 */
public final class WebBundles {
    public static final String PAGES = "web";
    public static final String HTTP = "http";

    private WebBundles() {
    }

    /** Installs (once) and starts every bundle of the distribution's folder {@code name}. */
    public static void start(BundleContext context, String name) throws IOException, BundleException {
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
                b.start();
            }
        }
    }

    /** The distribution's folder {@code name}: beside the {@code bundles/} folder the engine was installed from. */
    static Path folder(BundleContext context, String name) throws IOException {
        Object home = context.getProperty("workbench.home");
        Path folder;
        if (home != null) {
            folder = Path.of(home.toString()).resolve(name);
        } else {
            String location = context.getBundle().getLocation();
            if (location.startsWith("reference:")) {
                location = location.substring("reference:".length());
            }
            folder = Path.of(URI.create(location)).getParent().getParent().resolve(name);
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException("the distribution has no folder " + folder + " (build it with mvn install)");
        }
        return folder;
    }
}

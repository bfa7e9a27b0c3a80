package org.workbench.engine.catalog;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Bundles of the distribution that only some commands need, installed on demand: {@code web/}
 * (the pages, templates and markdown: serve and report) and {@code http/} (Jetty: serve only).
 */
public final class WebBundles {
    public static final String PAGES = "web";
    public static final String HTTP = "http";

    private WebBundles() {
    }

    /** Installs (once) and starts (transiently) every bundle of the distribution's folder {@code name}. */
    public static void start(BundleContext context, String name) throws IOException, BundleException {
        FolderBundles.start(context, name);
    }

    /** Stops (transiently) the bundles of the distribution's folder {@code name} that are running. */
    public static void stop(BundleContext context, String name) throws IOException, BundleException {
        FolderBundles.stop(context, name);
    }
}

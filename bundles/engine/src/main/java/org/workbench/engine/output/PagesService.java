package org.workbench.engine.output;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;
import org.workbench.engine.catalog.WebBundles;

/**
 * A service of the web workbench's page bundles (the report's or the hand-in's renderer), starting the
 * distribution's {@code web/} bundles on first use (they hold templates and markdown only, no HTTP
 * server) and holding the service until closed.
 */
final class PagesService<T> implements AutoCloseable {
    private static final long TIMEOUT_MS = 20_000;
    private final ServiceTracker<T, T> tracker;
    private final T service;

    private PagesService(ServiceTracker<T, T> tracker, T service) {
        this.tracker = tracker;
        this.service = service;
    }

    /**
     * The service {@code type}, waited for up to {@value #TIMEOUT_MS} ms.
     *
     * @param what what the service is, for the error ("the report renderer")
     */
    static <T> PagesService<T> of(BundleContext context, Class<T> type, String what) throws IOException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.getService();
            if (service == null) {
                WebBundles.start(context, WebBundles.PAGES);
                service = tracker.waitForService(TIMEOUT_MS);
            }
            if (service == null) {
                throw new IOException("the web workbench's " + what + " did not start within " + TIMEOUT_MS / 1000 + " s");
            }
            return new PagesService<>(tracker, service);
        } catch (BundleException e) {
            tracker.close();
            throw new IOException("could not start the web workbench's bundles: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            tracker.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the " + what, e);
        } catch (IOException | RuntimeException e) {
            tracker.close();
            throw e;
        }
    }

    T get() {
        return service;
    }

    @Override
    public void close() {
        tracker.close();
    }
}

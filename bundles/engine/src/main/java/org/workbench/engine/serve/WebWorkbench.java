package org.workbench.engine.serve;

import org.workbench.engine.catalog.WebBundles;
import org.workbench.engine.service.RunService;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.util.tracker.ServiceTracker;
import org.workbench.api.Workbench;
import org.workbench.api.live.Workspace;

/**
 * What {@code serve} does: keeps the runtime up and serves the web
 * workbench on {@code http://127.0.0.1:N/}. The HTTP service and the pages are bundles of the
 * distribution's {@code http/} and {@code web/} folders ({@link WebBundles}), installed only here, so that no other command pays for them
 * or opens a port. A port in use is invalid input (exit 2).
 */
public final class WebWorkbench {
    private static final long START_TIMEOUT_MS = 30_000;
    /** The longest {@link FirstPages} may hold back the address's line. */
    private static final long FIRST_PAGES_MS = 20_000;
    private static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    private static final String ENDPOINT = "osgi.http.endpoint";

    private final BundleContext context;
    private final RunService runs;
    /** Counted down to stop the serving in progress ({@link #stop}); null while nothing is served. */
    private volatile CountDownLatch stopRequest;

    /** @param runs the engine's one way from a descriptor to a result, the same as the command line's */
    public WebWorkbench(BundleContext context, RunService runs) {
        this.context = context;
        this.runs = runs;
    }

    /**
     * Serves until the framework stops.
     *
     * @param port        the port on 127.0.0.1 (0 picks a free one)
     * @param results     the results folder the pages read and runs write
     * @param experiments the descriptors' folder with the answers and the homework index
     * @return the exit status: 2 when the port is in use
     */
    public int serve(int port, Path results, Path experiments, PrintStream out, PrintStream err) {
        PortClaim claim;
        try {
            claim = PortClaim.claim(port);
        } catch (BindException e) {
            err.println("error: " + e.getMessage() + " (one server per port, on 127.0.0.1 and ::1 alike); choose "
                    + "another with --port N");
            return Workbench.INVALID;
        } catch (IOException e) {
            err.println("failed: cannot open port " + port + " on 127.0.0.1: " + e.getMessage());
            return Workbench.FAILED;
        }
        try (claim) {
            return serveOn(claim.port(), results, experiments, out, err);
        } catch (IOException e) {
            return Workbench.OK; // releasing the lock at the end: nothing to say
        }
    }

    /**
     * Ends the serving in progress, as the runtime's stopping does, and closes its port ({@code wb:serve stop}).
     *
     * @return whether anything was being served
     */
    public boolean stop() {
        CountDownLatch request = stopRequest;
        if (request == null) {
            return false;
        }
        request.countDown();
        return true;
    }

    private int serveOn(int port, Path results, Path experiments, PrintStream out, PrintStream err) {
        Path plugins = Path.of(String.valueOf(context.getProperty("workbench.plugins")));
        Workspace workspace = new LiveWorkspace(results, experiments, plugins, runs, err);
        ServiceRegistration<Workspace> registration = context.registerService(Workspace.class, workspace, new Hashtable<>());
        // the web runs table's queries (docs/run-store.md)
        org.workbench.engine.store.RunTable table = new org.workbench.engine.store.RunTable(results, System.getenv(),
                () -> new org.workbench.engine.catalog.FolderBundles(context).start(
                        org.workbench.engine.catalog.OnDemandBundles.STORE));
        Hashtable<String, Object> tableProperties = new Hashtable<>();
        tableProperties.put(org.workbench.engine.store.RunTable.PROPERTY, org.workbench.engine.store.RunTable.NAME);
        ServiceRegistration<?> tableRegistration = context.registerService(java.util.function.Function.class.getName(),
                table, tableProperties);
        // the home and question pages' newest homework runs and counts, from the same store (docs/web.md)
        ServiceRegistration<?> summaryRegistration = org.workbench.engine.store.RunSummary.register(context, table,
                results, System.getenv());
        table.warm();
        CountDownLatch stopping = new CountDownLatch(1);
        stopRequest = stopping;
        boolean[] requested = {false};
        SynchronousBundleListener listener = e -> {
            if (e.getType() == BundleEvent.STOPPING
                    && (e.getBundle().getBundleId() == 0 || e.getBundle().equals(context.getBundle()))) {
                stopping.countDown();
            }
        };
        context.addBundleListener(listener);
        try {
            String url = startHttp(port);
            new FirstPages(url, FIRST_PAGES_MS).warm(FirstPages.pages(storeInUse(results)));
            String repository = new org.workbench.engine.catalog.RepositoryBridge(context).startBundles();
            if (repository != null) {
                err.println("warning: the plugin repository is not available on the Plugins page: " + repository);
            }
            out.println("serving the workbench on " + url + " (results " + workspace.results() + "; Ctrl-C stops)");
            out.flush();
            stopping.await();
            requested[0] = context.getBundle().getState() == org.osgi.framework.Bundle.ACTIVE;
            return Workbench.OK;
        } catch (IOException | BundleException e) {
            err.println("failed: the web workbench did not start: " + e.getMessage());
            return Workbench.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Workbench.OK;
        } finally {
            stopRequest = null;
            context.removeBundleListener(listener);
            if (requested[0]) { // stopped by wb:serve stop while the runtime stays up: the port closes
                try {
                    WebBundles.stop(context, WebBundles.HTTP);
                } catch (IOException | BundleException | IllegalStateException e) {
                    err.println("warning: the HTTP service did not stop: " + e.getMessage());
                }
            }
            try {
                registration.unregister();
                tableRegistration.unregister();
                summaryRegistration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the engine is stopping
            }
            try {
                table.close();
            } catch (java.sql.SQLException e) {
                err.println("warning: the run store did not close: " + e.getMessage());
            }
        }
    }

    private static boolean storeInUse(Path results) {
        try {
            return org.workbench.engine.store.StoreLocation.of(results, System.getenv()).inUse();
        } catch (org.workbench.engine.input.InvalidInputException e) {
            return false; // the runs page says why
        }
    }

    /** Installs the {@code web/} bundles with Jetty bound to 127.0.0.1 only and waits for the port to answer. */
    private String startHttp(int port) throws IOException, BundleException, InterruptedException {
        System.setProperty("org.osgi.service.http.port", Integer.toString(port));
        System.setProperty("org.apache.felix.http.host", "127.0.0.1");
        System.setProperty("org.apache.felix.https.enable", "false");
        System.setProperty("org.apache.felix.http.jetty.sendServerHeader", "false");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // a path that reads two ways (%2F in it) reaches the pages, whose filter refuses it with a 400 of
        // theirs (JSON under /api/), instead of Jetty's own 400 page before them
        System.setProperty("org.eclipse.jetty.UriComplianceMode", "LEGACY");
        ServiceTracker<Object, Object> runtime;
        try {
            runtime = new ServiceTracker<>(context, context.createFilter("(" + Constants.OBJECTCLASS + "=" + HTTP_RUNTIME + ")"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        runtime.open(true);
        try {
            WebBundles.start(context, WebBundles.PAGES);
            WebBundles.start(context, WebBundles.HTTP);
            if (runtime.waitForService(START_TIMEOUT_MS) == null) {
                throw new IOException("the HTTP service did not come up within " + START_TIMEOUT_MS / 1000 + " s");
            }
            awaitListening(port);
            return "http://127.0.0.1:" + port + "/";
        } finally {
            runtime.close();
        }
    }

    private static void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("nothing answers on 127.0.0.1:" + port + " (" + e.getMessage() + ")");
                }
                Thread.sleep(10);
            }
        }
    }
}

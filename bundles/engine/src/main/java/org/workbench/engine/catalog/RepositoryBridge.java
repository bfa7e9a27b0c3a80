package org.workbench.engine.catalog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import org.workbench.api.Workbench;

/**
 * Hands the plugin repository's commands ({@value #FOLDER}: {@code repo}, {@code search},
 * {@code install}, {@code update}, {@code uninstall}) to the repository bundle, which is installed
 * with bnd's library from the distribution's {@code repository/} folder on first use; every other
 * command starts without them. bnd logs through SLF4J (it imports {@code org.slf4j} [1.7,2), which the
 * SLF4J 2 bundle also exports as 1.7.36), taken from the distribution's {@code http/} folder (the same
 * bundle serve uses, so the two never collide).
 */
public final class RepositoryBridge {
    /** The distribution's folder of the repository bundle and bnd. */
    public static final String FOLDER = "repository";
    /** The commands the repository bundle executes. */
    public static final Set<String> COMMANDS = Set.of("repo", "search", "install", "update", "uninstall");
    private static final String FILTER = "(&(objectClass=" + Workbench.class.getName() + ")(workbench.commands=repository))";
    private static final long WAIT_MS = 30_000;
    private final BundleContext context;

    public RepositoryBridge(BundleContext context) {
        this.context = context;
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            start();
            ServiceTracker<Workbench, Workbench> tracker = new ServiceTracker<>(context, context.createFilter(FILTER), null);
            tracker.open();
            try {
                Workbench repository = tracker.waitForService(WAIT_MS);
                if (repository == null) {
                    err.println("failed: the plugin repository's commands did not start within " + WAIT_MS / 1000 + " s");
                    return Workbench.FAILED;
                }
                return repository.execute(args, out, err);
            } finally {
                tracker.close();
            }
        } catch (IOException | BundleException | InvalidSyntaxException | IllegalStateException e) {
            err.println("failed: the plugin repository is not available: " + e.getMessage());
            return Workbench.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Workbench.FAILED;
        }
    }

    /**
     * Starts the repository's bundles now (serve: its Plugins page lists what the repositories offer).
     *
     * @return {@code null} when they run, else why not
     */
    public String startBundles() {
        try {
            start();
            return null;
        } catch (IOException | BundleException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    private void start() throws IOException, BundleException {
        Path http = FolderBundles.home(context).resolve("http");
        if (Files.isDirectory(http)) {
            List<Path> logging;
            try (Stream<Path> jars = Files.list(http)) {
                logging = jars.filter(p -> p.getFileName().toString().matches("(lib-)?slf4j-.*\\.jar")).sorted().toList();
            }
            for (Path jar : logging) {
                String location = "reference:" + jar.toUri();
                if (context.getBundle(location) == null) {
                    context.installBundle(location);
                }
            }
        }
        FolderBundles.start(context, FOLDER);
    }
}

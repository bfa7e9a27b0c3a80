package org.workbench.engine.output;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.workbench.engine.catalog.FolderBundles;
import org.workbench.engine.catalog.OnDemandBundles;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.store.RunSummary;
import org.workbench.engine.store.RunTable;
import org.workbench.engine.store.StoreLocation;

import com.google.gson.JsonParser;

/**
 * While {@code report} or {@code handin} writes, the run store's {@link RunSummary} of its results
 * folder as the {@code run-summary} service, so that the pages read each experiment's newest homework
 * run's folder and the newest runs' folders, not every run folder (docs/run-store.md). A results folder
 * without a store gets none, and its folders are read as before.
 */
final class StoreSummary implements AutoCloseable {
    /** What {@code runs} prints before a folder its sync could not index. */
    static final String NOT_INDEXED = "warning: not indexed: ";

    private final RunTable table;
    private final RunSummary summary;
    private final ServiceRegistration<?> registration;
    private final List<String> unreadable;

    private StoreSummary(RunTable table, RunSummary summary, ServiceRegistration<?> registration,
            List<String> unreadable) {
        this.table = table;
        this.summary = summary;
        this.registration = registration;
        this.unreadable = unreadable;
    }

    /** The registered summary, or null when {@code results} has no store. */
    static StoreSummary register(BundleContext context, Path results) {
        Map<String, String> env = System.getenv();
        try {
            if (!StoreLocation.of(results, env).inUse()) {
                return null;
            }
        } catch (InvalidInputException e) {
            return null; // the folders answer; `runs` reports the setting
        }
        List<String> unreadable = Collections.synchronizedList(new ArrayList<>());
        RunTable table = new RunTable(results, env, () -> new FolderBundles(context).start(OnDemandBundles.STORE),
                w -> unreadable.add(w.startsWith(NOT_INDEXED) ? w.substring(NOT_INDEXED.length()) : w));
        RunSummary summary = new RunSummary(table, results, env);
        return new StoreSummary(table, summary, RunSummary.register(context, table, results, env), unreadable);
    }

    /**
     * Opens and synchronises the store (the first time), and says whether it answers: when it does, the
     * pages read the runs it names and {@link #unreadable} lists the folders its sync could not read;
     * when not, the pages read every folder.
     */
    boolean answers() {
        try {
            return JsonParser.parseString(summary.apply("{\"experiments\": []}")).getAsJsonObject().has("experiments");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The run folders whose {@code result.json} the store's sync could not read, each with why. */
    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException gone) {
            // the engine is stopping
        }
        try {
            table.close();
        } catch (SQLException e) {
            // the pages are written; the store is a cache
        }
    }
}

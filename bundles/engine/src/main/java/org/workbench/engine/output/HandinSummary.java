package org.workbench.engine.output;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.store.RunSummary;
import org.workbench.engine.store.RunTable;
import org.workbench.engine.store.StoreLocation;

/**
 * While {@code handin} writes, the run store's {@link RunSummary} of its results folder as a
 * {@code run-summary} service with {@code workbench.results} naming the folder, so that the hand-in
 * reads each experiment's newest homework run's folder, not every run folder (docs/web.md). A results
 * folder without a store gets none, and the hand-in reads its folders as before.
 */
final class HandinSummary implements AutoCloseable {
    /** The service property naming the results folder a summary answers for. */
    static final String RESULTS = "workbench.results";

    private final RunTable table;
    private final ServiceRegistration<?> registration;

    private HandinSummary(RunTable table, ServiceRegistration<?> registration) {
        this.table = table;
        this.registration = registration;
    }

    /** The registered summary, or null when {@code results} has no store. */
    static HandinSummary register(BundleContext context, Path results) {
        Map<String, String> env = System.getenv();
        try {
            if (!StoreLocation.of(results, env).inUse()) {
                return null;
            }
        } catch (InvalidInputException e) {
            return null; // the folders answer; `runs` reports the setting
        }
        RunTable table = new RunTable(results, env, () -> new org.workbench.engine.catalog.FolderBundles(context)
                .start(org.workbench.engine.catalog.OnDemandBundles.STORE));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(RunTable.PROPERTY, RunSummary.NAME);
        properties.put(RESULTS, results.toAbsolutePath().normalize().toString());
        ServiceRegistration<?> registration = context.registerService(Function.class.getName(),
                new RunSummary(table, results, env), properties);
        return new HandinSummary(table, registration);
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
            // the hand-in is written; the store is a cache
        }
    }
}

package org.workbench.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.workbench.engine.input.InvalidInputException;

/**
 * Indexes a folder that was just published (a run, a tag, a note) when its results folder uses a
 * store: named by a setting, or made by an earlier {@code runs}. A results folder without one pays
 * nothing; its first {@code runs} indexes every folder. The store failing never fails the run: the
 * next sync catches up from the folder.
 */
public final class RunRecorder {
    private RunRecorder() {
    }

    /**
     * @param results    the results folder
     * @param run        the run folder just written
     * @param startStore starts the drivers' bundles; returns why not, or {@code null}
     * @return a warning to show, or {@code null} when the store is up to date (or not in use)
     */
    public static String record(Path results, Path run, Map<String, String> env,
            java.util.function.Supplier<String> startStore) {
        StoreLocation location;
        try {
            location = StoreLocation.of(results, env);
        } catch (InvalidInputException e) {
            return "the run store was not updated: " + e.report();
        }
        if (!location.inUse()) {
            return null;
        }
        String problem = startStore.get();
        if (problem != null) {
            return "the run store was not updated: " + problem;
        }
        try (RunStore store = RunStore.open(location.url(), location.credentials())) {
            StoreSync.record(store, results, run);
            return null;
        } catch (IOException | SQLException | RuntimeException e) {
            return StoreWarnings.of(location.url(), e) + "; the next ./workbench runs indexes " + run;
        }
    }

    /** Opens the store of {@code results} (creating it on first use) and brings it up to date. */
    public static RunStore openSynced(StoreLocation location, Path results, boolean reindex,
            java.util.function.Consumer<String> warnings) throws IOException {
        return openSynced(location, results, SyncMode.of(reindex, false), warnings, null);
    }

    /**
     * {@link #openSynced(StoreLocation, Path, boolean, java.util.function.Consumer)} in the way {@code mode} says, telling {@code timing}
     * (when not {@code null}) how long opening and the sync took and what the sync did.
     */
    public static RunStore openSynced(StoreLocation location, Path results, SyncMode mode,
            java.util.function.Consumer<String> warnings, java.util.function.Consumer<String> timing) throws IOException {
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        RunStore store;
        try {
            store = RunStore.open(location.url(), location.credentials());
        } catch (SQLException | RuntimeException e) {
            throw new IOException(StoreWarnings.of(location.url(), e), e);
        }
        try {
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            StoreSync.Report report = switch (mode) {
                case REINDEX -> StoreSync.reindex(store, results);
                case RESCAN -> StoreSync.rescan(store, results);
                case QUICK -> StoreSync.sync(store, results);
            };
            report.unreadable().forEach(u -> warnings.accept("warning: not indexed: " + u));
            if (timing != null) {
                timing.accept(String.format(java.util.Locale.ROOT, "timing: open %.1f ms, cpu %.1f ms, %s %.1f ms, "
                        + "cpu %.1f ms (%d indexed, %d removed, %d unchanged)", (t1 - t0) / 1e6, (c1 - c0) / 1e6,
                        mode.name().toLowerCase(java.util.Locale.ROOT), (System.nanoTime() - t1) / 1e6, (cpuNanos() - c1) / 1e6,
                        report.indexed(), report.removed(), report.unchanged()));
            }
            return store;
        } catch (SQLException | RuntimeException e) {
            close(store);
            throw new IOException(StoreWarnings.of(location.url(), e), e);
        } catch (IOException e) {
            close(store);
            throw e;
        }
    }

    /**
     * The CPU time this process has used so far, in nanoseconds (every thread's, the JIT's and the
     * collector's included): on a loaded machine a steadier figure than the wall time.
     */
    public static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void close(RunStore store) {
        try {
            store.close();
        } catch (SQLException e) {
            // the failure being reported matters more
        }
    }
}

package org.workbench.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The run store for the web runs table while the workbench serves: registered as a
 * {@code Function<String, String>} with {@code workbench.service=run-table}, it takes a request
 * {@code {"where", "sort", "columns": [...], "limit", "offset", "format": "json"|"csv"}} and answers with
 * {@code runs --json}'s document (or {@code runs --csv}'s text), or {@code {"error", "status"}} (2: the
 * expression is invalid; 1: the store failed). {@link #warm} opens and synchronises the store with the
 * folders as the server starts, so that the first page does not pay for it (a request that comes
 * sooner waits for it); afterwards a request finding the last sync older than {@value #SYNC_MS} ms
 * starts a sync on a background thread, over its own connection, and is answered at once from the
 * index as it is (runs the workbench publishes index themselves at once). The queries keep one open
 * connection, so that they run warm.
 */
public final class RunTable implements Function<String, String>, AutoCloseable {
    /** The service property and value the web bundle looks the table up by. */
    public static final String PROPERTY = "workbench.service";
    public static final String NAME = "run-table";
    static final long SYNC_MS = 10_000;
    /**
     * How often a background sync is a rescan (every run folder's signature: a hand edit inside a run
     * folder), not the quick look at the experiment folders: a rescan of 100,000 runs costs seconds of CPU.
     */
    static final long RESCAN_MS = 60_000;
    /** The most rows one request answers (a CSV export of a whole store is paged by the caller beyond this). */
    static final int MOST = 100_000;
    /** How long closing waits for a background sync to finish. */
    static final long CLOSE_WAIT_MS = 30_000;

    private final Path results;
    private final Map<String, String> env;
    private final Supplier<String> startDrivers;
    /** Told the first sync's warnings (the folders it could not index, each with why). */
    private final java.util.function.Consumer<String> warnings;
    private RunStore store;
    private long syncedAt;
    private long rescannedAt;
    private boolean syncing;
    /** The last background sync's thread, which closing waits for. */
    private Thread background;

    private final long syncMs;
    private final long rescanMs;

    public RunTable(Path results, Map<String, String> env, Supplier<String> startDrivers) {
        this(results, env, startDrivers, SYNC_MS);
    }

    /**
     * {@link #RunTable(Path, Map, Supplier)} telling {@code warnings} the first sync's warnings
     * ({@code "warning: not indexed: FOLDER: why"}), as {@code runs} prints them.
     */
    public RunTable(Path results, Map<String, String> env, Supplier<String> startDrivers,
            java.util.function.Consumer<String> warnings) {
        this(results, env, startDrivers, SYNC_MS, RESCAN_MS, warnings);
    }

    /** {@link #RunTable(Path, Map, Supplier)}, syncing again when the last sync is older than {@code syncMs}. */
    RunTable(Path results, Map<String, String> env, Supplier<String> startDrivers, long syncMs) {
        this(results, env, startDrivers, syncMs, RESCAN_MS);
    }

    /** {@link #RunTable(Path, Map, Supplier, long)}, the background sync a rescan when the last is older than {@code rescanMs}. */
    RunTable(Path results, Map<String, String> env, Supplier<String> startDrivers, long syncMs, long rescanMs) {
        this(results, env, startDrivers, syncMs, rescanMs, w -> { });
    }

    private RunTable(Path results, Map<String, String> env, Supplier<String> startDrivers, long syncMs, long rescanMs,
            java.util.function.Consumer<String> warnings) {
        this.warnings = warnings;
        this.rescanMs = rescanMs;
        this.results = results;
        this.env = Map.copyOf(env);
        this.startDrivers = startDrivers;
        this.syncMs = syncMs;
    }

    /** Whether the store is open (and was synchronised once). */
    synchronized boolean ready() {
        return store != null;
    }

    /**
     * Opens and synchronises the store on a background thread, when the results folder uses one
     * (named by a setting, or made by an earlier {@code runs}); a results folder without one pays nothing
     * until its runs page is asked for.
     */
    public void warm() {
        try {
            if (!StoreLocation.of(results, env).inUse()) {
                return;
            }
        } catch (InvalidInputException e) {
            return; // the first request reports it
        }
        Thread t = new Thread(() -> {
            synchronized (this) {
                try {
                    open();
                } catch (InvalidInputException | IOException | SQLException | RuntimeException e) {
                    closeQuietly(); // the first request tries again and reports why
                }
            }
        }, "run-store-warm");
        t.setDaemon(true);
        synchronized (this) {
            background = t;
        }
        t.start();
    }

    @Override
    public synchronized String apply(String request) {
        try {
            JsonObject q = JsonParser.parseString(request).getAsJsonObject();
            List<String> columns = new ArrayList<>();
            if (q.has("columns") && q.get("columns").isJsonArray()) {
                for (JsonElement c : q.getAsJsonArray("columns")) {
                    columns.add(c.getAsString());
                }
            }
            int limit = Math.min(MOST, Math.max(0, q.has("limit") ? q.get("limit").getAsInt() : 50));
            int offset = Math.max(0, q.has("offset") ? q.get("offset").getAsInt() : 0);
            RunQuery query = new RunQuery(text(q, "where"), text(q, "sort"), columns, limit, offset);
            WhereParser.parse(query.where());
            QueryAnswer answer = open().query(query);
            makeWantedInBackground();
            return "csv".equals(text(q, "format")) ? RunsExport.csv(answer, columns)
                    : RunsExport.json(answer, columns, limit, offset);
        } catch (InvalidInputException e) {
            return error(e.report(), 2);
        } catch (IOException | SQLException e) {
            closeQuietly();
            return error(e.getMessage(), 1);
        } catch (RuntimeException e) {
            return error("the request is not a query: " + e.getMessage(), 2);
        }
    }

    /**
     * Runs {@code read} on the open store, as {@link #apply} does a query: opened and synchronised when it is
     * not, else synchronised in the background when due (the hook {@link RunSummary} asks through).
     */
    synchronized <T> T read(StoreRead<T> read) throws InvalidInputException, IOException, SQLException {
        try {
            return read.apply(open());
        } catch (IOException | SQLException e) {
            closeQuietly();
            throw e;
        }
    }

    /** A read of the open store. */
    interface StoreRead<T> {
        T apply(RunStore store) throws SQLException;
    }

    /** The open store; opened and synchronised when it is not, else synchronised in the background when due. */
    private RunStore open() throws InvalidInputException, IOException, SQLException {
        long now = System.currentTimeMillis();
        if (store == null) {
            String problem = startDrivers.get();
            if (problem != null) {
                throw new IOException("the run store's drivers did not start: " + problem);
            }
            StoreLocation location = StoreLocation.of(results, env);
            store = RunRecorder.openSynced(location, results, false, warnings);
            syncedAt = now;
            rescannedAt = now;
        } else if (now - syncedAt > syncMs && !syncing) {
            syncing = true;
            StoreLocation location = StoreLocation.of(results, env);
            boolean rescan = now - rescannedAt >= rescanMs;
            if (rescan) {
                rescannedAt = now;
            }
            Thread t = new Thread(() -> syncInBackground(location, rescan), "run-store-sync");
            t.setDaemon(true);
            background = t;
            t.start();
        }
        return store;
    }

    /**
     * Makes the cache files the last queries found missing or stale ({@link RunStore#takeWanted}) on a background
     * thread over a connection of its own, after the answer: the next request reads them, not the index (a store
     * that stays open would otherwise make them only as it closes). Not while a sync runs: its write would leave
     * them stale at once; they are noted again by the next query.
     */
    private void makeWantedInBackground() throws InvalidInputException {
        if (syncing || store == null) {
            return;
        }
        RunStore.Wanted wanted = store.takeWanted();
        if (wanted.isEmpty()) {
            return;
        }
        syncing = true;
        StoreLocation location = StoreLocation.of(results, env);
        Thread t = new Thread(() -> {
            try (RunStore own = RunStore.open(location.url(), location.credentials())) {
                own.make(wanted);
            } catch (SQLException | RuntimeException e) {
                // a cache: the next query notes the files again
            } finally {
                synchronized (this) {
                    syncing = false;
                }
            }
        }, "run-store-caches");
        t.setDaemon(true);
        background = t;
        t.start();
    }

    /** One sync over a connection of its own (the queries' connection never sees a half-written batch). */
    private void syncInBackground(StoreLocation location, boolean rescan) {
        try (RunStore own = RunStore.open(location.url(), location.credentials())) {
            if (rescan) {
                StoreSync.rescan(own, results);
            } else {
                StoreSync.sync(own, results);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            // the folders stay the record: the next sync catches up
        } finally {
            synchronized (this) {
                syncing = false;
                syncedAt = System.currentTimeMillis();
            }
        }
    }

    private static String text(JsonObject q, String key) {
        return q.has(key) && q.get(key).isJsonPrimitive() ? q.get(key).getAsString() : null;
    }

    private static String error(String message, int status) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        o.addProperty("status", status);
        return o.toString();
    }

    private void closeQuietly() {
        try {
            closeStore();
        } catch (SQLException e) {
            // reported by the failure that led here
        }
    }

    /** Closes the store, after a background sync still under way has finished (it writes into the store's folder). */
    @Override
    public void close() throws SQLException {
        Thread sync;
        synchronized (this) {
            sync = background;
        }
        if (sync != null) {
            try {
                sync.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeStore();
    }

    private synchronized void closeStore() throws SQLException {
        if (store != null) {
            RunStore s = store;
            store = null;
            s.close();
        }
    }
}

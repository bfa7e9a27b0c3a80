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
 * expression is invalid; 1: the store failed). The store is opened and synchronised with the folders at
 * the first request and again when the last sync is older than {@value #SYNC_MS} ms (runs the
 * workbench publishes index themselves at once).
 */
public final class RunTable implements Function<String, String>, AutoCloseable {
    /** The service property and value the web bundle looks the table up by. */
    public static final String PROPERTY = "workbench.service";
    public static final String NAME = "run-table";
    static final long SYNC_MS = 10_000;
    /** The most rows one request answers (a CSV export of a whole store is paged by the caller beyond this). */
    static final int MOST = 100_000;

    private final Path results;
    private final Map<String, String> env;
    private final Supplier<String> startDrivers;
    private RunStore store;
    private long syncedAt;

    public RunTable(Path results, Map<String, String> env, Supplier<String> startDrivers) {
        this.results = results;
        this.env = Map.copyOf(env);
        this.startDrivers = startDrivers;
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

    private RunStore open() throws InvalidInputException, IOException, SQLException {
        long now = System.currentTimeMillis();
        if (store == null) {
            String problem = startDrivers.get();
            if (problem != null) {
                throw new IOException("the run store's drivers did not start: " + problem);
            }
            StoreLocation location = StoreLocation.of(results, env);
            store = RunRecorder.openSynced(location, results, false, w -> { });
            syncedAt = now;
        } else if (now - syncedAt > SYNC_MS) {
            StoreSync.sync(store, results);
            syncedAt = now;
        }
        return store;
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
            close();
        } catch (SQLException e) {
            // reported by the failure that led here
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (store != null) {
            RunStore s = store;
            store = null;
            s.close();
        }
    }
}

package org.workbench.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What the web's home and question pages need of the run store while the workbench serves, so that
 * they read a few run folders instead of every one: registered as a {@code Function<String, String>}
 * with {@code workbench.service=run-summary}, it takes {@code {"experiments": [...], "homework": N,
 * "before": {"experiment": "run id"}}} and answers {@code {"runs": all runs, "experiments": {"name":
 * {"runs": n, "adHoc": n, "homework": [run ids, newest first]}}}} (and with {@code "newest": N} in the
 * request, {@code "newest": [the N newest runs' "experiment/run id"]}, for the MCMC and Plugins pages): for each experiment its number of
 * runs, how many the store marks ad hoc (overrides, or a descriptor from outside {@code experiments/}),
 * and up to N run ids the store marks homework, newest first (older than {@code before}'s run id when
 * one is given). The caller checks those candidates against the folders (the descriptor's current
 * hash, third-party code), which the store does not hold. A results folder without a store answers
 * {@code {"unavailable": reason}} (the caller reads its folders; nothing is created); a failure
 * {@code {"error", "status": 1}}.
 *
 * <p>It asks through the served {@link RunTable}'s open connection (opened and synchronised as the
 * server starts) and keeps each experiment's answer until the store's write token for this results
 * folder changes (any run recorded, deleted, tagged or synchronised, by any process). On H2 an
 * experiment's runs are one range of the primary key ({@code experiment/run id}), so the cost is
 * that experiment's runs, not the store's.
 */
public final class RunSummary implements Function<String, String> {
    /** The service property value the web bundle looks the summary up by ({@link RunTable#PROPERTY}). */
    public static final String NAME = "run-summary";
    /** The service property naming the results folder a registered summary answers for. */
    public static final String RESULTS = "workbench.results";
    /** The most homework candidates one request lists for an experiment. */
    static final int MOST = 1_000;

    private final RunTable table;
    private final Path results;
    private final Map<String, String> env;
    private final String origin;
    /** Each experiment's answer (without {@code before}), and the write token it was read at. */
    private final Map<String, JsonObject> kept = new HashMap<>();
    private String keptToken;
    /** Whether {@link #keptToken} was read (a store nobody wrote to yet has none). */
    private boolean keptAny;
    private Long keptRuns;
    /** Whether the store holds only this folder's runs ({@link #newest}), and the store's state it was counted in. */
    private boolean keptAlone;
    private String aloneState;

    public RunSummary(RunTable table, Path results, Map<String, String> env) {
        this.table = table;
        this.results = results;
        this.env = Map.copyOf(env);
        this.origin = StoreSync.origin(results);
    }

    /**
     * Registers the summary of {@code results}, read through {@code table}, as the {@code run-summary}
     * service ({@link RunTable#PROPERTY} {@value #NAME}, {@link #RESULTS} the folder's absolute path), which
     * the web bundle's pages, report and hand-in look up.
     */
    public static ServiceRegistration<?> register(BundleContext context, RunTable table, Path results,
            Map<String, String> env) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(RunTable.PROPERTY, NAME);
        properties.put(RESULTS, results.toAbsolutePath().normalize().toString());
        return context.registerService(Function.class.getName(), new RunSummary(table, results, env), properties);
    }

    @Override
    public String apply(String request) {
        JsonObject q;
        List<String> experiments = new ArrayList<>();
        int homework;
        int newest;
        JsonObject before;
        try {
            q = JsonParser.parseString(request).getAsJsonObject();
            if (q.has("experiments")) {
                for (JsonElement e : q.getAsJsonArray("experiments")) {
                    experiments.add(e.getAsString());
                }
            }
            homework = Math.min(MOST, Math.max(0, q.has("homework") ? q.get("homework").getAsInt() : 1));
            newest = Math.min(MOST, Math.max(0, q.has("newest") ? q.get("newest").getAsInt() : 0));
            before = q.has("before") && q.get("before").isJsonObject() ? q.getAsJsonObject("before") : new JsonObject();
        } catch (RuntimeException e) {
            return error("the request is not a summary request: " + e.getMessage(), 2);
        }
        try {
            if (!table.ready() && !StoreLocation.of(results, env).inUse()) {
                return unavailable("no run store in " + results);
            }
            return table.read(store -> answer(store, experiments, homework, before, newest)).toString();
        } catch (InvalidInputException e) {
            return unavailable(e.report());
        } catch (IOException | SQLException | RuntimeException e) {
            return error(String.valueOf(e.getMessage()), 1);
        }
    }

    private synchronized JsonObject answer(RunStore store, List<String> experiments, int homework, JsonObject before,
            int newest) throws SQLException {
        Connection c = store.connection();
        try {
            String token = store.token(origin);
            if (!keptAny || !java.util.Objects.equals(keptToken, token)) {
                kept.clear();
                keptRuns = null;
                keptToken = token;
                keptAny = true;
            }
            boolean h2 = !"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
            if (keptRuns == null) {
                keptRuns = runs(c, h2);
            }
            JsonObject out = new JsonObject();
            out.addProperty("runs", keptRuns);
            JsonObject each = new JsonObject();
            for (String experiment : experiments) {
                String after = before.has(experiment) ? before.get(experiment).getAsString() : null;
                JsonObject e = after == null ? kept.get(experiment) : null;
                if (e == null || e.getAsJsonArray("homework").size() < Math.min(homework, homeworkRuns(e))) {
                    e = experiment(c, h2, experiment, homework, after);
                    if (after == null) {
                        kept.put(experiment, e);
                    }
                }
                JsonObject shown = e.deepCopy();
                JsonArray ids = shown.getAsJsonArray("homework");
                while (ids.size() > homework) {
                    ids.remove(ids.size() - 1);
                }
                each.add(experiment, shown);
            }
            out.add("experiments", each);
            if (newest > 0) {
                out.add("newest", newest(c, h2, newest));
            }
            return out;
        } finally {
            c.commit();
        }
    }

    /**
     * The ids ({@code experiment/run id}) of this folder's {@code n} newest runs by start time, one range
     * of the start-time index (on H2 read without the origin condition when the store holds only this
     * folder's runs, for the same reason as {@link #runs}).
     */
    private JsonArray newest(Connection c, boolean h2, int n) throws SQLException {
        boolean alone = h2 && alone(c);
        JsonArray ids = new JsonArray();
        try (PreparedStatement s = c.prepareStatement("SELECT experiment, run_id FROM wb_runs"
                + (alone ? "" : " WHERE origin = ?") + " ORDER BY started_at DESC FETCH FIRST " + n + " ROWS ONLY")) {
            if (!alone) {
                s.setString(1, origin);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
        }
        return ids;
    }

    /**
     * Whether the store holds no other folder's runs: counted once, then kept while the store's state (every
     * folder's write token) is unchanged, instead of a {@code COUNT(*)} a request.
     */
    private boolean alone(Connection c) throws SQLException {
        String state = ValueColumns.state(c);
        if (!state.equals(aloneState)) {
            keptAlone = keptRuns != null && keptRuns == count(c, "SELECT COUNT(*) FROM wb_runs");
            aloneState = state;
        }
        return keptAlone;
    }

    private static long homeworkRuns(JsonObject e) {
        return e.get("runs").getAsLong() - e.get("adHoc").getAsLong();
    }

    /** Every run of this results folder: on H2 the table's row count when the store holds no other folder's. */
    private long runs(Connection c, boolean h2) throws SQLException {
        if (h2) {
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(origin), MAX(origin) FROM wb_runs");
                    ResultSet rs = s.executeQuery()) {
                if (rs.next() && (rs.getString(1) == null || origin.equals(rs.getString(1)) && origin.equals(rs.getString(2)))) {
                    return count(c, "SELECT COUNT(*) FROM wb_runs");
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM wb_runs WHERE origin = ?")) {
            s.setString(1, origin);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * One experiment's counts and newest homework candidates. On H2 the rows are one range of the
     * primary key ({@code experiment + "/"} up to {@code experiment + "0"}, the next character: every key of
     * the experiment and no other), and the origin is compared here, because H2 would otherwise read the
     * origin's whole index; PostgreSQL, whose text order follows a locale, is asked by the columns.
     */
    private JsonObject experiment(Connection c, boolean h2, String experiment, int homework, String after)
            throws SQLException {
        String where = h2 ? "run_key > ? AND run_key < ?" : "experiment = ? AND origin = ?";
        long runs = 0;
        long adHoc = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT homework, origin, COUNT(*) FROM wb_runs WHERE " + where
                + " GROUP BY homework, origin")) {
            bind(s, h2, experiment);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (origin.equals(rs.getString(2))) {
                        runs += rs.getLong(3);
                        adHoc += rs.getBoolean(1) ? 0 : rs.getLong(3);
                    }
                }
            }
        }
        JsonArray ids = new JsonArray();
        String last = after == null ? null : experiment + "/" + after;
        boolean more = runs - adHoc > 0;
        while (ids.size() < homework && more) {
            int batch = Math.max(homework - ids.size(), 8);
            int read = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT run_key, run_id, origin FROM wb_runs WHERE " + where
                    + " AND homework = TRUE" + (last == null ? "" : " AND run_key < ?")
                    + " ORDER BY run_key DESC FETCH FIRST " + batch + " ROWS ONLY")) {
                bind(s, h2, experiment);
                if (last != null) {
                    s.setString(3, last);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        last = rs.getString(1);
                        if (origin.equals(rs.getString(3)) && ids.size() < homework) {
                            ids.add(rs.getString(2));
                        }
                    }
                }
            }
            more = read == batch;
        }
        JsonObject e = new JsonObject();
        e.addProperty("runs", runs);
        e.addProperty("adHoc", adHoc);
        e.add("homework", ids);
        return e;
    }

    private void bind(PreparedStatement s, boolean h2, String experiment) throws SQLException {
        if (h2) {
            s.setString(1, experiment + "/");
            s.setString(2, experiment + "0");
        } else {
            s.setString(1, experiment);
            s.setString(2, origin);
        }
    }

    private static String unavailable(String why) {
        JsonObject o = new JsonObject();
        o.addProperty("unavailable", why);
        return o.toString();
    }

    private static String error(String message, int status) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        o.addProperty("status", status);
        return o.toString();
    }
}

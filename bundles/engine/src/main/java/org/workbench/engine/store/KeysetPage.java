package org.workbench.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The rows a page sorted by a dotted key can hold, found without looking up every match: the sort key's
 * numeric values are read in order from the index by key and value ({@code key_id, num, row_id}), keeping
 * those of matching rows, until the page is full and the group tied with its last value is complete. Those
 * candidates hold the first {@code need} matches in the query's whole order (value, then the tie-breaks),
 * so sorting only them gives the same page. When the matches' numeric values run out first (a page that
 * reaches rows with a text value or none), there are no candidates and the query sorts every match.
 */
final class KeysetPage {
    private KeysetPage() {
    }

    /**
     * The candidates for the first {@code need} rows when every match's value of the sort key is known
     * ({@code values[i]} of {@code ids[i]}, read with a condition on that key): the first {@code need} by
     * value and every row tied with the last of them.
     */
    static long[] fromValues(long[] ids, double[] values, boolean descending, int need) {
        if (need <= 0 || ids.length == 0) {
            return new long[0];
        }
        if (need >= ids.length) {
            return ids;
        }
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Comparator<Integer> byValue = (x, y) -> Double.compare(values[x], values[y]);
        Arrays.sort(order, descending ? byValue.reversed() : byValue);
        double last = values[order[need - 1]];
        int n = need;
        while (n < order.length && Double.compare(values[order[n]], last) == 0) {
            n++;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = ids[order[i]];
        }
        return out;
    }

    /**
     * The candidates' row ids for the first {@code need} of {@code matches} (sorted row ids) in the order of
     * {@code key}'s numeric values, or {@code null} when the numeric values do not decide that page.
     */
    static long[] candidates(Connection connection, boolean h2, String key, boolean descending, long[] matches,
            int need) throws SQLException {
        PageCollector page = new PageCollector(matches, need);
        if (page.empty()) {
            return new long[0];
        }
        walk(connection, h2, "SELECT row_id, num FROM wb_values WHERE key_id = ? AND num IS NOT NULL ORDER BY num"
                + (descending ? " DESC" : ""), RunStore.keyId(key), rs -> {
                    double value = rs.getDouble(2);
                    if (page.open(value)) {
                        page.offer(rs.getLong(1), value);
                    }
                    return !page.decided();
                });
        return page.candidates();
    }

    /**
     * {@link #candidates(Connection, boolean, String, boolean, long[], int)} from a key's {@link ValueColumns.Column}
     * (its numeric values in order, with their row ids) instead of the index.
     */
    static long[] candidates(ValueColumns.Column column, boolean descending, long[] matches, int need) {
        PageCollector page = new PageCollector(matches, need);
        if (page.empty()) {
            return new long[0];
        }
        int count = column.numbers();
        for (int k = 0; k < count && !page.decided(); k++) {
            int i = descending ? count - 1 - k : k;
            double value = column.number(i);
            if (page.open(value)) {
                page.offer(column.numberRow(i), value);
            }
        }
        return page.candidates();
    }

    /**
     * The candidates for the first {@code need} of {@code matches} (sorted row ids) in the default order (newest
     * run first): runs are read newest first from the index by start time, each run's row ids are computed from
     * its key and number of points ({@link RunStore#rowId}), and those that match are kept until the page is full
     * and the runs started at the same time as its last are complete. {@code null} when the runs end before every
     * match was seen (then the query sorts every match).
     */
    static long[] newestFirst(Connection connection, boolean h2, long[] matches, int need) throws SQLException {
        PageCollector page = new PageCollector(matches, need);
        if (page.empty()) {
            return new long[0];
        }
        walk(connection, h2, "SELECT run_key, started_at, points FROM wb_runs ORDER BY started_at DESC NULLS LAST",
                null, rs -> {
                    String started = rs.getString(2);
                    if (!page.open(started)) {
                        return false;
                    }
                    String key = rs.getString(1);
                    int points = rs.getInt(3);
                    for (int point = points == 0 ? 0 : 1; point <= points; point++) {
                        page.offer(RunStore.rowId(key, point), started);
                    }
                    return true;
                });
        return page.candidates();
    }

    /** What a walk does with each row of its result: false to stop. */
    private interface Step {
        boolean next(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} (with {@code key} as its one parameter, when not null) and hands each row to {@code step}
     * until it says stop, with H2's lazy mode on so that the rows come as the index yields them, not the whole
     * range first.
     */
    private static void walk(Connection connection, boolean h2, String sql, Long key, Step step) throws SQLException {
        if (h2) {
            RowIdSets.lazy(connection, true);
        }
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (key != null) {
                s.setLong(1, key);
            }
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && step.next(rs)) {
                    // the step keeps what it needs
                }
            }
        } finally {
            if (h2) {
                RowIdSets.lazy(connection, false);
            }
        }
    }
}

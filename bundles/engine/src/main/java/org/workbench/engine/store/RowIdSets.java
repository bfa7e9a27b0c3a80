package org.workbench.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The rows that meet every comparison of a {@link RowIdPlan}, as a sorted array of row ids: each comparison
 * is one range of the covering index by key and value ({@code key_id, num, row_id} or {@code key_id, txt,
 * row_id}), read as row ids only, sorted and intersected with the others here. The database never builds a
 * set per condition for every row it looks at, and the rows that are left are fetched by primary key.
 */
final class RowIdSets {
    private RowIdSets() {
    }

    /**
     * The rows that meet every comparison, and the numeric values of {@code sortKey} for them when one of the
     * comparisons is a numeric test of that key (every row it answers has such a value).
     *
     * @param ids    sorted, distinct row ids
     * @param values {@code sortKey}'s value of each of {@code ids}, or {@code null}
     */
    record Matches(long[] ids, double[] values) {
    }

    /**
     * The rows that meet every one of {@code comparisons} (at least one); {@code sortKey} may be null. The
     * comparisons that {@code columns} (may be null) answers are read from there instead of the index.
     */
    static Matches matching(Connection connection, boolean h2, List<Where.Comparison> comparisons, String sortKey,
            ValueColumns columns) throws SQLException {
        long[] result = null;
        long[] valued = null; // the sort key's rows, sorted, with their values alongside
        double[] values = null;
        boolean lazy = false;
        try {
            for (Where.Comparison c : comparisons) {
                boolean withValues = valued == null && c.key().equals(sortKey) && c.value() instanceof Double
                        && !c.op().equals("~");
                long[][] read = columns != null && ValueColumns.answers(c) ? columns.read(c) : null;
                if (read == null) {
                    if (h2 && !lazy) {
                        lazy(connection, true); // rows as the index yields them, not copied into a result first
                        lazy = true;
                    }
                    read = read(connection, c, withValues);
                }
                if (withValues) {
                    valued = read[0];
                    values = toDoubles(read[1]);
                }
                result = result == null ? read[0] : intersect(result, read[0]);
                if (result.length == 0) {
                    break; // nothing left: the other conditions need not be read
                }
            }
        } finally {
            if (lazy) {
                lazy(connection, false);
            }
        }
        if (valued == null) {
            return new Matches(result, null);
        }
        double[] out = new double[result.length];
        for (int i = 0; i < result.length; i++) {
            out[i] = values[Arrays.binarySearch(valued, result[i])];
        }
        return new Matches(result, out);
    }

    static void lazy(Connection connection, boolean on) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    private static double[] toDoubles(long[] bits) {
        double[] d = new double[bits.length];
        for (int i = 0; i < bits.length; i++) {
            d[i] = Double.longBitsToDouble(bits[i]);
        }
        return d;
    }

    /** The row ids of {@code c} sorted by id, and with {@code withValues} each one's number (as bits) alongside. */
    private static long[][] read(Connection connection, Where.Comparison c, boolean withValues) throws SQLException {
        WhereSql.Sql test = WhereSql.valueTest(c);
        try (PreparedStatement s = connection.prepareStatement("SELECT v.row_id" + (withValues ? ", v.num" : "")
                + " FROM wb_values v WHERE v.key_id = ? AND " + test.text())) {
            s.setLong(1, RunStore.keyId(c.key()));
            RunStore.bind(s, test.parameters(), 2);
            s.setFetchSize(10_000);
            long[] ids = new long[1024];
            long[] nums = withValues ? new long[1024] : null;
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                        nums = withValues ? Arrays.copyOf(nums, n * 2) : null;
                    }
                    ids[n] = rs.getLong(1);
                    if (withValues) {
                        nums[n] = Double.doubleToRawLongBits(rs.getDouble(2));
                    }
                    n++;
                }
            }
            if (!withValues) {
                return new long[][] {distinct(ids, n), null};
            }
            // sort the pairs by id (a row has one value per key)
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            long[] keys = ids;
            Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
            long[] sortedIds = new long[n];
            long[] sortedNums = new long[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (m == 0 || sortedIds[m - 1] != ids[order[i]]) {
                    sortedIds[m] = ids[order[i]];
                    sortedNums[m++] = nums[order[i]];
                }
            }
            return new long[][] {Arrays.copyOf(sortedIds, m), Arrays.copyOf(sortedNums, m)};
        }
    }

    /** The first {@code n} of {@code ids}, sorted, each once (a row has one value per key, but say so here). */
    static long[] distinct(long[] ids, int n) {
        long[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (m == 0 || sorted[m - 1] != sorted[i]) {
                sorted[m++] = sorted[i];
            }
        }
        return m == sorted.length ? sorted : Arrays.copyOf(sorted, m);
    }

    /** The ids in both sorted, distinct arrays. */
    static long[] intersect(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}

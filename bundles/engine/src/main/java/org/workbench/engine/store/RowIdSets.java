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

    /** The row ids (sorted, distinct) that meet every one of {@code comparisons} (at least one). */
    static long[] matching(Connection connection, List<Where.Comparison> comparisons) throws SQLException {
        long[] result = null;
        for (Where.Comparison c : comparisons) {
            long[] ids = read(connection, c);
            result = result == null ? ids : intersect(result, ids);
            if (result.length == 0) {
                break; // nothing left: the other conditions need not be read
            }
        }
        return result;
    }

    private static long[] read(Connection connection, Where.Comparison c) throws SQLException {
        WhereSql.Sql test = WhereSql.valueTest(c);
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT v.row_id FROM wb_values v WHERE v.key_id = ? AND " + test.text())) {
            s.setLong(1, RunStore.keyId(c.key()));
            RunStore.bind(s, test.parameters(), 2);
            s.setFetchSize(10_000);
            long[] ids = new long[1024];
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(1);
                }
            }
            return distinct(ids, n);
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

package org.workbench.engine.store;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of a page's candidate rows when each one's number of the sort key is known (from the conditions
 * or the key's column): the query's {@code ORDER BY s.num [DESC], r.started_at DESC NULLS LAST, p.run_key,
 * p.point}, done here so that the database does not look up each row's value in its biggest index again. For
 * the embedded H2 store only, whose text order is {@link String#compareTo} (a server's collation may differ).
 */
final class PageOrder {
    private PageOrder() {
    }

    /**
     * The positions {@code 0..n-1} of the rows in the query's order: by {@code values} (descending when asked),
     * then newest {@code started} first (none last), then by {@code keys} and {@code points}.
     */
    static int[] of(double[] values, boolean descending, String[] started, String[] keys, int[] points) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byValue = (x, y) -> Double.compare(values[x], values[y]);
        Comparator<Integer> byStarted = (x, y) -> started[x] == null ? (started[y] == null ? 0 : 1)
                : started[y] == null ? -1 : started[y].compareTo(started[x]);
        Arrays.sort(order, (descending ? byValue.reversed() : byValue).thenComparing(byStarted)
                .thenComparing((x, y) -> keys[x].compareTo(keys[y])).thenComparing((x, y) -> Integer.compare(points[x],
                        points[y])));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}

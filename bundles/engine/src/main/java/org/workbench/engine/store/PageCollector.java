package org.workbench.engine.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * Collects the candidates of a page from rows offered in the page's order (a sort key's values, or runs
 * newest first): keeps the offered rows that match, until {@code need} are kept and the group tied with the
 * last kept one is whole. Then {@link #decided()} is true and the rest of the walk can stop.
 */
final class PageCollector {
    private final long[] matches;
    private final int need;
    private long[] found;
    private int n;
    private Object last;
    private boolean complete;

    /** A collector for the first {@code need} of {@code matches} (sorted, distinct row ids). */
    PageCollector(long[] matches, int need) {
        this.matches = matches;
        this.need = need;
        this.found = new long[Math.max(1, Math.min(matches.length, need + 16))];
    }

    /** Whether no row can be on the page (nothing is needed, or nothing matches). */
    boolean empty() {
        return need <= 0 || matches.length == 0;
    }

    /**
     * Whether a row of the group {@code group} (its sort value, or its start time) still belongs after the rows
     * offered so far; false once the page is full and {@code group} differs from the last kept row's.
     * Then the page is decided.
     */
    boolean open(Object group) {
        if (n >= need && !Objects.equals(group, last)) {
            complete = true;
        }
        return !complete;
    }

    /** Offers the row {@code id} of {@code group}: kept when it matches. Call {@link #open} first. */
    void offer(long id, Object group) {
        if (Arrays.binarySearch(matches, id) < 0) {
            return;
        }
        if (n == found.length) {
            found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = id;
        last = group;
    }

    /** Whether the walk can stop: the page and the rows tied with its last are found. */
    boolean decided() {
        return complete;
    }

    /**
     * The candidates, or {@code null} when the walk ended (the offered rows ran out) before they decide the
     * page: fewer than {@code need} kept, and not every match seen.
     */
    long[] candidates() {
        if (!complete && n < need && n < matches.length) {
            return null;
        }
        return Arrays.copyOf(found, n);
    }
}

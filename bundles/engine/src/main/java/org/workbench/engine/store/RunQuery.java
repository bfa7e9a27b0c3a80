package org.workbench.engine.store;

import java.util.List;

/**
 * One question to the store.
 *
 * @param where   a {@code --where} expression (blank: every run)
 * @param sort    the key to sort by, {@code -key} for descending; {@code null}: newest first
 * @param columns the dotted keys whose values each row carries
 * @param limit   the most rows answered
 * @param offset  rows skipped before the first answered (pagination)
 */
public record RunQuery(String where, String sort, List<String> columns, int limit, int offset) {
    public RunQuery {
        columns = List.copyOf(columns);
    }
}

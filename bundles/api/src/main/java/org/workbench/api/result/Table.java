package org.workbench.api.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table of a run's results: one row per object of a list ({@link #list()} given, each column a field
 * of the objects), or one row of keys under {@code results} ({@link #list()} empty).
 *
 * @param id      a name unique among the layout's tables, lower case ({@code epochs})
 * @param title   the table's caption
 * @param list    the dotted key under {@code results} of the list of objects, or "" for one row
 * @param columns the columns, in order
 */
public record Table(String id, String title, String list, List<Series> columns) {
    public Table {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(list, "list");
        JsonRead.requireName(id, "table");
        if (!list.isEmpty()) {
            JsonRead.requireKey(list, "table '" + id + "': list");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + id + "' has no columns");
        }
    }

    /** Whether its rows are the objects of a list (else one row of result keys). */
    public boolean overList() {
        return !list.isEmpty();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("list", list);
        m.put("columns", columns.stream().map(Series::toJson).toList());
        return m;
    }

    static Table fromJson(Map<String, ?> m, String where) {
        return new Table(JsonRead.string(m, "id", where), JsonRead.optionalString(m, "title", ""),
                JsonRead.optionalString(m, "list", ""), JsonRead.list(m, "columns", where, Series::fromJson));
    }
}

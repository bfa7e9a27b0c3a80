package org.workbench.engine.store;

import java.util.ArrayList;
import java.util.List;

/**
 * How a {@code --where} is answered: the comparisons of dotted keys that every answer must meet (the parts
 * of the expression's top-level {@code and}, or the expression itself) are answered as row-id sets, each
 * one range of the value index by key and value, intersected in Java ({@link RowIdSets}); the rest stays
 * SQL ({@link WhereSql}) over the rows those sets leave. A dotted key under {@code or} or {@code not} stays
 * in the SQL, where it means the same.
 *
 * @param sets the comparisons answered as row-id sets (none: the SQL alone answers)
 * @param rest the remaining condition ({@link Where.Everything} when none)
 */
record RowIdPlan(List<Where.Comparison> sets, Where rest) {
    RowIdPlan {
        sets = List.copyOf(sets);
    }

    static RowIdPlan of(Where where) {
        List<Where> conjuncts = new ArrayList<>();
        flatten(where, conjuncts);
        List<Where.Comparison> sets = new ArrayList<>();
        List<Where> rest = new ArrayList<>();
        for (Where part : conjuncts) {
            if (part instanceof Where.Comparison c && !StoreKeys.isField(c.key())) {
                sets.add(c);
            } else if (!(part instanceof Where.Everything)) {
                rest.add(part);
            }
        }
        Where remaining = rest.isEmpty() ? new Where.Everything()
                : rest.size() == 1 ? rest.get(0) : new Where.Junction(true, rest);
        return new RowIdPlan(sets, remaining);
    }

    private static void flatten(Where where, List<Where> into) {
        if (where instanceof Where.Junction j && j.all()) {
            j.parts().forEach(p -> flatten(p, into));
        } else {
            into.add(where);
        }
    }
}

package org.workbench.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Where} as a condition in SQL over the aliases {@code p} ({@code wb_rows}) and {@code r}
 * ({@code wb_runs}), every value a {@code ?} parameter (never spliced into the text). A dotted key
 * holds for a row when the row has a value of that key that compares as asked ({@code p.row_id IN}
 * an uncorrelated look-up on the index by key and value); a key the row lacks makes a comparison false.
 */
final class WhereSql {
    /** SQL text with its parameters in order. */
    record Sql(String text, List<Object> parameters) {
    }

    /** The condition of an empty expression. */
    static final String ALWAYS = "1 = 1";

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private WhereSql() {
    }

    static Sql of(Where where) {
        WhereSql w = new WhereSql();
        w.append(where);
        return new Sql(w.text.toString(), List.copyOf(w.parameters));
    }

    private void append(Where where) {
        if (where instanceof Where.Not n) {
            text.append("NOT (");
            append(n.part());
            text.append(")");
        } else if (where instanceof Where.Junction j) {
            text.append("(");
            for (int i = 0; i < j.parts().size(); i++) {
                if (i > 0) {
                    text.append(j.all() ? " AND " : " OR ");
                }
                append(j.parts().get(i));
            }
            text.append(")");
        } else if (where instanceof Where.Comparison c) {
            comparison(c);
        } else {
            text.append(ALWAYS);
        }
    }

    private void comparison(Where.Comparison c) {
        StoreKeys.Field field = StoreKeys.FIELDS.get(c.key());
        if (field != null && c.key().equals(StoreKeys.TAG)) {
            boolean negated = c.op().equals("!=");
            text.append(negated ? "p.run_key NOT IN" : "p.run_key IN").append(" (SELECT t.run_key FROM wb_tags t WHERE ");
            test("t.tag", negated ? "=" : c.op(), c.value());
            text.append(")");
        } else if (field != null) {
            test(field.column(), c.op(), c.value());
        } else {
            text.append("p.row_id IN (SELECT v.row_id FROM wb_values v WHERE v.key_id = ? AND ");
            parameters.add(RunStore.keyId(c.key()));
            valueComparison(c);
            text.append(")");
        }
    }

    /**
     * The test of a dotted key's comparison on a value row aliased {@code v} ({@code v.num < ?}), without
     * the key: what one range of the index by key and value answers.
     */
    static Sql valueTest(Where.Comparison c) {
        WhereSql w = new WhereSql();
        w.valueComparison(c);
        return new Sql(w.text.toString(), List.copyOf(w.parameters));
    }

    private void valueComparison(Where.Comparison c) {
        test(c.value() instanceof Double ? "v.num" : "v.txt", c.op(),
                c.value() instanceof Boolean b ? b.toString() : c.value());
    }

    private void test(String column, String op, Object value) {
        if (op.equals("~")) {
            text.append("LOWER(").append(column).append(") LIKE ? ESCAPE '!'");
            parameters.add("%" + ((String) value).toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
            return;
        }
        text.append(column).append(op.equals("!=") ? " <> " : " " + op + " ").append("?");
        parameters.add(value);
    }
}

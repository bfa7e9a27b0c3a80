package org.workbench.engine.store;

import java.util.List;

/** A parsed {@code --where} expression: comparisons of a key with a literal, joined by and, or, not. */
sealed interface Where {
    /** {@code key op value}; {@code value} is a {@link String}, a {@link Double} or a {@link Boolean}. */
    record Comparison(String key, String op, Object value) implements Where {
    }

    /** Every part holds ({@code and}) or at least one does ({@code or}). */
    record Junction(boolean all, List<Where> parts) implements Where {
    }

    /** {@code not part}. */
    record Not(Where part) implements Where {
    }

    /** No condition: every run. */
    record Everything() implements Where {
    }
}

package org.workbench.web;

import java.util.List;
import java.util.Map;

/**
 * The runs table's rows split for a cheap first paint (docs/web.md, "The runs page's first paint"):
 * the first screenful in the table's body, the rest in a second body that starts {@code hidden}, so
 * that a new browser styles and lays out only the first rows before it paints. The page's script
 * shows the rest after the first frame; without script a {@code <noscript>} style shows them at once.
 */
final class FirstScreen {
    /** The rows painted first: more than a 1366 × 768 or a 390 px wide screen shows of this table. */
    static final int ROWS = 12;

    private FirstScreen() {
    }

    /** Moves the rows after the first {@link #ROWS} of the model's {@code runs} to {@code later}. */
    static void split(Map<String, Object> m) {
        if (m.get("runs") instanceof List<?> rows && rows.size() > ROWS) {
            m.put("runs", List.copyOf(rows.subList(0, ROWS)));
            m.put("later", List.copyOf(rows.subList(ROWS, rows.size())));
            m.put("hasLater", true);
        }
    }
}

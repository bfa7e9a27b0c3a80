package org.workbench.engine.run;

import java.util.List;
import java.util.Map;

import org.workbench.api.ResultTree;

/**
 * The rule that results never carry NaN under {@code "status": "ok"}. A task marks a value that
 * is undefined by design with {@link ResultTree#undefined} and a reason of its own; a value that
 * merely came out NaN or infinite (an overflow, a division by zero the task did not expect) is
 * turned into {@code null} by {@link ResultTree#put(String, double)} with one of the reasons below,
 * and such a value means the computation broke down: the run fails instead of publishing it.
 */
final class NonFiniteResults {
    /** The reasons {@link ResultTree} gives when it receives a non-finite number (see its put methods). */
    static final List<String> AUTOMATIC_REASONS = List.of("the value is ", "the vector has a non-finite element",
            "the matrix has a non-finite element");

    private NonFiniteResults() {
    }

    /**
     * @return the dotted path of the first value that came out non-finite, with its reason, or
     *         {@code null} when every value is finite or undefined by the task's own account
     */
    static String first(ResultTree results) {
        return first("", results);
    }

    private static String first(String prefix, ResultTree tree) {
        for (Map.Entry<String, Object> e : tree.entries().entrySet()) {
            String path = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof ResultTree t) {
                String found = first(path + ".", t);
                if (found != null) {
                    return found;
                }
            } else if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof ResultTree t) {
                        String found = first(path + "[" + i + "].", t);
                        if (found != null) {
                            return found;
                        }
                    }
                }
            } else if (v instanceof String reason && e.getKey().endsWith(ResultTree.REASON_SUFFIX)
                    && AUTOMATIC_REASONS.stream().anyMatch(reason::startsWith)) {
                return path.substring(0, path.length() - ResultTree.REASON_SUFFIX.length()) + " (" + reason + ")";
            }
        }
        return null;
    }
}

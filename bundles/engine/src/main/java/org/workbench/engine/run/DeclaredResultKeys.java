package org.workbench.engine.run;

import java.util.List;

/**
 * The result keys a task declares ({@link org.workbench.api.TaskProvider#resultKeys()}), matched against
 * the keys a descriptor's plots name: a dotted key read from each point's results, or a field of a
 * list of objects ({@code epochs[].trainLoss}) for a curve plot.
 */
final class DeclaredResultKeys {
    private static final String ANY = "*";
    private final List<String> patterns;

    DeclaredResultKeys(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    boolean declared() {
        return !patterns.isEmpty();
    }

    List<String> patterns() {
        return patterns;
    }

    /** Whether the dotted {@code key} (no list in it) names a declared result. */
    boolean matches(String key) {
        return patterns.stream().anyMatch(p -> matches(p.split("\\."), key.split("\\.")));
    }

    /** Whether {@code field} of the list {@code list} (a curve plot's {@code LIST.FIELD}) is declared. */
    boolean matchesListField(String list, String field) {
        return matches(list + "[]." + field);
    }

    private static boolean matches(String[] pattern, String[] key) {
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals(ANY) && i == pattern.length - 1) {
                return key.length > i;
            }
            if (i >= key.length || !pattern[i].equals(key[i])) {
                return false;
            }
        }
        return pattern.length == key.length;
    }
}

package org.workbench.engine.catalog;

import java.util.Locale;

/** How messages name a component type in words: {@code MapSolver} reads "a map solver (org.workbench.api.linear.MapSolver)". */
public final class TypeWords {
    private TypeWords() {
    }

    /** "a map solver (org.workbench.api.linear.MapSolver)". */
    public static String of(Class<?> type) {
        String words = words(type.getSimpleName());
        return (startsWithVowel(words) ? "an " : "a ") + words + " (" + type.getName() + ")";
    }

    /** "map solver" for {@code MapSolver}: the simple name split at its capitals, in lower case. */
    static String words(String simpleName) {
        String spaced = simpleName.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ");
        return spaced.toLowerCase(Locale.ROOT);
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "aeiou".indexOf(s.charAt(0)) >= 0;
    }
}

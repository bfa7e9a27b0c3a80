package org.workbench.engine.input;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelt names, by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate within an edit distance of a third of the name's length (at least 2). */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        int limit = Math.max(2, name.length() / 3);
        return candidates.stream()
                .filter(c -> distance(name.toLowerCase(), c.toLowerCase()) <= limit)
                .min(Comparator.comparingInt(c -> distance(name.toLowerCase(), c.toLowerCase())));
    }

    /** " (did you mean 'x'?)" or "". */
    public static String didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}

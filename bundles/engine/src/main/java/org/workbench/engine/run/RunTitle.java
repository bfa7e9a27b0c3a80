package org.workbench.engine.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.workbench.engine.catalog.ProviderEntry;

/**
 * A run's title as it names what ran: a word of the descriptor's title that names a provider of a
 * kind (say "SGD", the optimizer {@code sgd}) when another provider of that kind ran in its place
 * ({@code --set optimizer.use=adam}) becomes the name of the one that ran ("adam"). A word that
 * names anything that ran stays, and so does every word when the run holds several components of
 * that kind (which one the title meant is then unknown). The descriptor's own title stays in the
 * effective descriptor.
 */
final class RunTitle {
    private RunTitle() {
    }

    /**
     * Renames in a title (the run's, a plot's) what did not run in {@code plan}, with the providers
     * installed now ({@code known}) as the words to look for.
     */
    static UnaryOperator<String> forRun(Plan plan, List<ProviderEntry> known) {
        Map<String, Set<String>> ran = new HashMap<>();
        ran.computeIfAbsent(plan.task().kind(), k -> new HashSet<>()).add(plan.task().name());
        for (ResolvedComponent c : plan.everyComponent()) {
            ran.computeIfAbsent(c.entry().kind(), k -> new HashSet<>()).add(c.entry().name());
        }
        Map<String, Set<String>> names = new HashMap<>();
        for (ProviderEntry e : known) {
            names.computeIfAbsent(e.kind(), k -> new HashSet<>()).add(e.name());
        }
        return title -> of(title, ran, names);
    }

    /**
     * @param ran   the names of the providers that ran, by kind
     * @param known the names of every provider installed, by kind
     */
    static String of(String title, Map<String, Set<String>> ran, Map<String, Set<String>> known) {
        if (title == null || title.isEmpty()) {
            return title;
        }
        Set<String> anyRan = new HashSet<>();
        ran.values().forEach(s -> s.forEach(n -> anyRan.add(n.toLowerCase(Locale.ROOT))));
        String out = title;
        for (Map.Entry<String, Set<String>> kind : known.entrySet()) {
            Set<String> here = ran.get(kind.getKey());
            if (here == null || here.size() != 1) {
                continue;
            }
            String replacement = here.iterator().next();
            for (String other : kind.getValue()) {
                if (anyRan.contains(other.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Matcher m = Pattern.compile("(?i)(?<![\\p{L}\\p{N}-])" + Pattern.quote(other) + "(?![\\p{L}\\p{N}-])")
                        .matcher(out);
                out = m.replaceAll(Matcher.quoteReplacement(replacement));
            }
        }
        return out;
    }
}

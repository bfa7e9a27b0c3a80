package org.workbench.engine.catalog;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.framework.VersionRange;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;

/** Picks the provider a descriptor names: by kind and name, the highest version inside the range. */
public final class ProviderResolver {
    private final ProviderSource source;

    public ProviderResolver(ProviderSource source) {
        this.source = source;
    }

    /**
     * The provider of {@code kind} named {@code name} whose version lies in {@code range} (any when
     * {@code null}): the highest such version whose component can be activated (only the candidates
     * are activated).
     *
     * @param file     the descriptor, for messages
     * @param jsonPath where the component stands, for messages
     */
    public ProviderEntry resolve(String kind, String name, String range, Path file, String jsonPath)
            throws InvalidInputException {
        List<ProviderEntry> ofKind = source.entries().stream().filter(e -> e.kind().equals(kind)).toList();
        List<ProviderEntry> named = ofKind.stream().filter(e -> e.name().equals(name)).toList();
        if (named.isEmpty()) {
            List<String> names = ofKind.stream().map(ProviderEntry::name).distinct().sorted().toList();
            throw new InvalidInputException(file, jsonPath + ".use", "no " + kind + " named '" + name + "'"
                    + Suggestions.didYouMean(name, names) + "; available " + kind + " providers: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        VersionRange versions = range == null ? null : VersionRange.valueOf(range);
        List<ProviderEntry> inRange = named.stream()
                .filter(e -> versions == null || versions.includes(e.version()))
                .sorted(Comparator.comparing(ProviderEntry::version).reversed()).toList();
        if (inRange.isEmpty()) {
            throw new InvalidInputException(file, jsonPath + ".version", "no version of " + kind + " '" + name
                    + "' lies in " + range + "; installed: " + named.stream().map(e -> e.version().toString())
                            .sorted().collect(Collectors.joining(", ")));
        }
        Optional<ProviderEntry> best = inRange.stream().filter(ProviderEntry::available).findFirst();
        if (best.isEmpty()) {
            throw new InvalidInputException(file, jsonPath + ".use", inRange.stream().map(ProviderEntry::label)
                    .collect(Collectors.joining(", ")) + (inRange.size() == 1 ? " is" : " are")
                    + " registered but failed to activate (the log says why); fix or remove the bundle");
        }
        return best.get();
    }
}

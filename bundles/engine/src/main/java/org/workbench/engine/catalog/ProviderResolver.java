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
     * {@code null}), highest version first.
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
            String broken = source.failures().stream().filter(f -> f.startsWith(kind + " '" + name + "' "))
                    .map(f -> "; " + f).findFirst().orElse("");
            throw new InvalidInputException(file, jsonPath + ".use", "no " + kind + " named '" + name + "'"
                    + Suggestions.didYouMean(name, names) + "; available " + kind + " providers: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + broken);
        }
        VersionRange versions = range == null ? null : VersionRange.valueOf(range);
        Optional<ProviderEntry> best = named.stream()
                .filter(e -> versions == null || versions.includes(e.version()))
                .max(Comparator.comparing(ProviderEntry::version));
        if (best.isEmpty()) {
            throw new InvalidInputException(file, jsonPath + ".version", "no version of " + kind + " '" + name
                    + "' lies in " + range + "; installed: " + named.stream().map(e -> e.version().toString())
                            .sorted().collect(Collectors.joining(", ")));
        }
        return best.get();
    }
}

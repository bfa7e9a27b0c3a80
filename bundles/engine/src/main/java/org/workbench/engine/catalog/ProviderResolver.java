package org.workbench.engine.catalog;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.framework.VersionRange;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;

/**
 * Picks the provider a descriptor names: by kind and name, the highest version inside the range
 * whose components have the type the role needs.
 */
public final class ProviderResolver {
    private final ProviderSource source;

    public ProviderResolver(ProviderSource source) {
        this.source = source;
    }

    /**
     * "; adam is in plugins/ (...) but not active: needs org.workbench.api [1.3,2), installed 1.2.0" for
     * every inactive plugin that may be the provider asked for, or "" when none is.
     */
    public static String inactive(ProviderSource source, String kind, String name) {
        StringBuilder text = new StringBuilder();
        for (InactivePlugin p : source.inactive()) {
            if (p.matches(kind, name)) {
                text.append("; ").append(p.explanation(name));
            }
        }
        return text.toString();
    }

    /** Every installed version of the provider of {@code kind} named {@code name}. */
    public List<ProviderEntry> named(String kind, String name) {
        return source.entries().stream().filter(e -> e.kind().equals(kind) && e.name().equals(name)).toList();
    }

    /** {@link #resolve(String, Class, String, String, String, Path, String)} for a slot that takes any type. */
    public ProviderEntry resolve(String kind, String name, String range, Path file, String jsonPath)
            throws InvalidInputException {
        return resolve(kind, Object.class, null, name, range, file, jsonPath);
    }

    /**
     * The provider of {@code kind} named {@code name} whose version lies in {@code range} (any when
     * {@code null}) and whose components are of {@code type}: the highest such version whose
     * component can be activated (only the candidates are activated, and on a mistake the other
     * providers of the kind, to say which fit).
     *
     * @param type     the type the slot needs ({@code Object} for any)
     * @param slot     how messages name the slot, e.g. "role 'optimizer' of task 'bayesian-linear-regression'"
     *                 ({@code null} for a slot without a type)
     * @param file     the descriptor, for messages
     * @param jsonPath where the component stands, for messages
     */
    public ProviderEntry resolve(String kind, Class<?> type, String slot, String name, String range, Path file,
            String jsonPath) throws InvalidInputException {
        List<ProviderEntry> ofKind = source.entries().stream().filter(e -> e.kind().equals(kind)).toList();
        List<ProviderEntry> named = ofKind.stream().filter(e -> e.name().equals(name)).toList();
        if (named.isEmpty()) {
            List<String> names = fitting(ofKind, type);
            String need = slot == null || type == Object.class ? "" : slot + " needs " + TypeWords.of(type) + "; ";
            throw new InvalidInputException(file, jsonPath + ".use", "no " + kind + " named '" + name + "'"
                    + inactive(source, kind, name) + Suggestions.didYouMean(name, names) + "; " + need
                    + (need.isEmpty() ? "available " : "") + kind + " providers" + (need.isEmpty() ? "" : " that fit")
                    + ": " + (names.isEmpty() ? "none" : String.join(", ", names)));
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
        List<ProviderEntry> available = inRange.stream().filter(ProviderEntry::available).toList();
        if (available.isEmpty()) {
            throw new InvalidInputException(file, jsonPath + ".use", inRange.stream().map(ProviderEntry::label)
                    .collect(Collectors.joining(", ")) + (inRange.size() == 1 ? " is" : " are")
                    + " registered but failed to activate (the log says why); fix or remove the bundle");
        }
        Optional<ProviderEntry> best = available.stream().filter(e -> fits(e, type)).findFirst();
        if (best.isEmpty()) {
            ProviderEntry wrong = available.get(0);
            List<String> names = fitting(ofKind, type);
            throw new InvalidInputException(file, jsonPath + ".use", slot + " needs " + TypeWords.of(type)
                    + ", but " + wrong.label() + " creates " + created(wrong) + "; " + kind
                    + " providers that fit: " + (names.isEmpty() ? "none installed" : String.join(", ", names)));
        }
        List<ProviderEntry> twins = available.stream().filter(e -> e.version().equals(best.get().version())
                && !e.bundle().equals(best.get().bundle()) && fits(e, type)).toList();
        if (!twins.isEmpty()) {
            throw new InvalidInputException(file, jsonPath + ".use", kind + " '" + name + "' " + best.get().version()
                    + " is offered by two bundles, " + best.get().bundle() + " and " + twins.stream()
                            .map(ProviderEntry::bundle).collect(Collectors.joining(" and "))
                    + ", so which one runs would be arbitrary; remove one, or give one of them another version "
                    + "and pin it with \"version\"");
        }
        return best.get();
    }

    /** Names of the providers among {@code entries} that create components of {@code type}, sorted. */
    private static List<String> fitting(List<ProviderEntry> entries, Class<?> type) {
        return entries.stream().filter(e -> type == Object.class || e.available() && fits(e, type))
                .map(ProviderEntry::name).distinct().sorted().toList();
    }

    private static boolean fits(ProviderEntry entry, Class<?> type) {
        if (type == Object.class) {
            return true;
        }
        try {
            return type.isAssignableFrom(entry.provider().type());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String created(ProviderEntry entry) {
        try {
            return TypeWords.of(entry.provider().type());
        } catch (RuntimeException e) {
            return "components of an unknown type (" + e.getMessage() + ")";
        }
    }
}

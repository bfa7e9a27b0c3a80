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
    private final boolean builtInOnly;

    public ProviderResolver(ProviderSource source) {
        this(source, false);
    }

    private ProviderResolver(ProviderSource source, boolean builtInOnly) {
        this.source = source;
        this.builtInOnly = builtInOnly;
    }

    /**
     * A resolver that takes only the distribution's own bundles' providers, checked against the
     * build's record of them ({@link BuiltInBundles}), for descriptors that say
     * {@code "origin": "built-in"}: a plugin never answers for them, whatever its version.
     */
    public ProviderResolver builtInOnly() {
        return builtInOnly ? this : new ProviderResolver(source, true);
    }

    /** Whether this resolver takes built-in providers only. */
    public boolean takesBuiltInOnly() {
        return builtInOnly;
    }

    /** Where the providers come from. */
    public ProviderSource source() {
        return source;
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
        if (builtInOnly) {
            inRange = builtIns(inRange, kind, name, range, file, jsonPath);
        }
        List<ProviderEntry> available = inRange.stream().filter(ProviderEntry::available).toList();
        if (available.isEmpty()) {
            throw new InvalidInputException(file, jsonPath + ".use", inRange.stream().map(this::failed)
                    .collect(Collectors.joining("; ")) + "; fix or remove the bundle");
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

    /**
     * The built-in providers among {@code candidates}; when there are none, why each candidate is
     * not one, as an error that says how to run with third-party code.
     */
    private List<ProviderEntry> builtIns(List<ProviderEntry> candidates, String kind, String name, String range,
            Path file, String jsonPath) throws InvalidInputException {
        List<ProviderEntry> builtIn = candidates.stream().filter(e -> source.origin(e).builtIn()).toList();
        if (!builtIn.isEmpty()) {
            return builtIn;
        }
        String why = candidates.stream().map(e -> e.label() + " from bundle " + e.bundle() + " is not built in: "
                + source.origin(e).why()).collect(Collectors.joining("; "));
        throw new InvalidInputException(file, jsonPath + ".use", "this descriptor takes built-in providers only "
                + "(\"origin\": \"built-in\"), and no bundle of the distribution offers " + kind + " '" + name + "'"
                + (range == null ? "" : " in " + range) + ": " + why + "; to run it with third-party code, remove "
                + "\"origin\" (or add --set origin=any): the result is then marked as computed with third-party code");
    }

    /** "prior 'x' 1.0.0 is registered but failed to activate: why (bundle b 1.0.0)". */
    private String failed(ProviderEntry e) {
        String why = source.failure(e);
        String reason = why == null ? "" : why.replaceFirst("^its component failed to activate:? ?", "");
        return e.label() + " is registered but failed to activate" + (reason.isEmpty() ? "" : ": " + reason)
                + " (bundle " + e.bundle() + " " + e.version() + ")";
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

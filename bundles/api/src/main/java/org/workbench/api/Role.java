package org.workbench.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A slot that a task needs filled with a component of one kind.
 *
 * @param name        the key under {@code components} in a descriptor, e.g. {@code prior} or {@code network}
 * @param kind        the kind of component that fills it, one of {@link Kinds}
 * @param cardinality whether one component is required, optional, or a list is expected
 * @param defaultUse  for an optional role, the provider (of the highest version) that the engine
 *                    puts in it when a descriptor leaves it out; {@code null} for none. Since 1.2 it
 *                    may name several providers separated by commas, in order of preference: the
 *                    engine takes the first that is installed and active ({@link #defaultUses()})
 */
public record Role(String name, String kind, Cardinality cardinality, String defaultUse) {
    /** How many components fill a role. */
    public enum Cardinality {
        /** Exactly one component object. */
        ONE,
        /** Zero or one component object. */
        OPTIONAL,
        /** An array of one or more component objects (network layers). */
        LIST
    }

    public Role {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cardinality, "cardinality");
        if (defaultUse != null && cardinality != Cardinality.OPTIONAL) {
            throw new IllegalArgumentException("only an optional role can have a default provider");
        }
    }

    /** A role without a default provider. */
    public Role(String name, String kind, Cardinality cardinality) {
        this(name, kind, cardinality, null);
    }

    public static Role one(String name, String kind) {
        return new Role(name, kind, Cardinality.ONE);
    }

    public static Role optional(String name, String kind) {
        return new Role(name, kind, Cardinality.OPTIONAL);
    }

    /**
     * An optional role that the engine fills with provider {@code defaultUse} (no parameters, the
     * highest version) when a descriptor leaves it out, so a task always finds a component there.
     *
     * @since 1.1
     */
    public static Role optional(String name, String kind, String defaultUse) {
        return new Role(name, kind, Cardinality.OPTIONAL, Objects.requireNonNull(defaultUse, "defaultUse"));
    }

    /**
     * An optional role that the engine fills, when a descriptor leaves it out, with the first of
     * {@code preferred} that is installed and active on this machine (for example the fastest
     * backend that the JVM supports, then a portable one), recording which and why in provenance.
     *
     * @since 1.2
     */
    public static Role optionalPreferring(String name, String kind, String... preferred) {
        if (preferred.length == 0) {
            throw new IllegalArgumentException("name at least one default provider");
        }
        for (String p : preferred) {
            if (p.isBlank() || p.contains(",")) {
                throw new IllegalArgumentException("a default provider name must be non-blank without commas, got '" + p + "'");
            }
        }
        return new Role(name, kind, Cardinality.OPTIONAL, String.join(",", preferred));
    }

    /**
     * The default providers in order of preference (empty for none): {@link #defaultUse()} split at commas.
     *
     * @since 1.2
     */
    public List<String> defaultUses() {
        return defaultUse == null ? List.of() : Arrays.stream(defaultUse.split(",")).map(String::trim).toList();
    }

    public static Role list(String name, String kind) {
        return new Role(name, kind, Cardinality.LIST);
    }
}

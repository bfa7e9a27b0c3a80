package org.workbench.api;

import java.util.Objects;

/**
 * A slot that a task needs filled with a component of one kind.
 *
 * @param name        the key under {@code components} in a descriptor, e.g. {@code prior} or {@code network}
 * @param kind        the kind of component that fills it, one of {@link Kinds}
 * @param cardinality whether one component is required, optional, or a list is expected
 * @param defaultUse  for an optional role, the provider (of the highest version) that the engine
 *                    puts in it when a descriptor leaves it out; {@code null} for none
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

    public static Role list(String name, String kind) {
        return new Role(name, kind, Cardinality.LIST);
    }
}

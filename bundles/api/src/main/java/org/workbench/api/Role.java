package org.workbench.api;

import java.util.Objects;

/**
 * A slot that a task needs filled with a component of one kind.
 *
 * @param name        the key under {@code components} in a descriptor, e.g. {@code prior} or {@code network}
 * @param kind        the kind of component that fills it, one of {@link Kinds}
 * @param cardinality whether one component is required, optional, or a list is expected
 */
public record Role(String name, String kind, Cardinality cardinality) {
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
    }

    public static Role one(String name, String kind) {
        return new Role(name, kind, Cardinality.ONE);
    }

    public static Role optional(String name, String kind) {
        return new Role(name, kind, Cardinality.OPTIONAL);
    }

    public static Role list(String name, String kind) {
        return new Role(name, kind, Cardinality.LIST);
    }
}

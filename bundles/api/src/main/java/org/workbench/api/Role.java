package org.workbench.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A slot that a task needs filled with a component of one kind and one Java type. A task declares
 * its roles once, as constants shared by its provider ({@link TaskProvider#roles()}) and the task
 * itself, which fetches its components through them without a cast:
 * {@code Prior prior = context.component(Roles.PRIOR)}. The engine checks every provider a
 * descriptor puts in a role against {@link #type()} before anything runs.
 *
 * @param <T>         the type of the component that fills it
 * @param name        the key under {@code components} in a descriptor, e.g. {@code prior} or {@code network}
 * @param kind        the kind of component that fills it, one of {@link Kinds}
 * @param type        the Java type its component must have ({@code Object} for a role declared
 *                    without one, which the engine does not check); since 1.2
 * @param cardinality whether one component is required, optional, or a list is expected
 * @param defaultUse  for an optional role, the provider (of the highest version) that the engine
 *                    puts in it when a descriptor leaves it out; {@code null} for none. Since 1.2 it
 *                    may name several providers separated by commas, in order of preference: the
 *                    engine takes the first that is installed and active ({@link #defaultUses()})
 */
public record Role<T>(String name, String kind, Class<T> type, Cardinality cardinality, String defaultUse) {
    /** How many components fill a role. */
    public enum Cardinality {
        /** Exactly one component object. */
        ONE,
        /** Zero or one component object. */
        OPTIONAL,
        /** An array of one or more component objects (network layers). */
        LIST
    }

    /** @since 1.2 */
    public Role {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cardinality, "cardinality");
        if (defaultUse != null && cardinality != Cardinality.OPTIONAL) {
            throw new IllegalArgumentException("only an optional role can have a default provider");
        }
    }

    /**
     * A role without a declared type (its components are not checked before a run).
     *
     * @deprecated since 1.2: declare the type with {@link #Role(String, String, Class, Cardinality, String)}
     */
    @Deprecated
    @SuppressWarnings("unchecked")
    public Role(String name, String kind, Cardinality cardinality, String defaultUse) {
        this(name, kind, (Class<T>) Object.class, cardinality, defaultUse);
    }

    /**
     * A role without a declared type or a default provider.
     *
     * @deprecated since 1.2: declare the type with {@link #one(String, String, Class)} and its siblings
     */
    @Deprecated
    public Role(String name, String kind, Cardinality cardinality) {
        this(name, kind, cardinality, null);
    }

    /** Whether the role declares the type of its component (every role built by the typed factories does). */
    public boolean typed() {
        return type != Object.class;
    }

    /** Whether a provider creating components of {@code componentType} fits this role. */
    public boolean accepts(Class<?> componentType) {
        return type.isAssignableFrom(componentType);
    }

    /**
     * A role that exactly one component of {@code type} fills.
     *
     * @since 1.2
     */
    public static <T> Role<T> one(String name, String kind, Class<T> type) {
        return new Role<>(name, kind, type, Cardinality.ONE, null);
    }

    /**
     * A role that a descriptor may leave empty.
     *
     * @since 1.2
     */
    public static <T> Role<T> optional(String name, String kind, Class<T> type) {
        return new Role<>(name, kind, type, Cardinality.OPTIONAL, null);
    }

    /**
     * An optional role that the engine fills with provider {@code defaultUse} (no parameters, the
     * highest version) when a descriptor leaves it out, so a task always finds a component there.
     *
     * @since 1.2
     */
    public static <T> Role<T> optional(String name, String kind, Class<T> type, String defaultUse) {
        return new Role<>(name, kind, type, Cardinality.OPTIONAL, Objects.requireNonNull(defaultUse, "defaultUse"));
    }

    /**
     * An optional role that the engine fills, when a descriptor leaves it out, with the first of
     * {@code preferred} that is installed and active on this machine (for example the fastest
     * backend that the JVM supports, then a portable one), recording which and why in provenance.
     *
     * @since 1.2
     */
    public static <T> Role<T> optionalPreferring(String name, String kind, Class<T> type, String... preferred) {
        if (preferred.length == 0) {
            throw new IllegalArgumentException("name at least one default provider");
        }
        for (String p : preferred) {
            if (p.isBlank() || p.contains(",")) {
                throw new IllegalArgumentException("a default provider name must be non-blank without commas, got '" + p + "'");
            }
        }
        return new Role<>(name, kind, type, Cardinality.OPTIONAL, String.join(",", preferred));
    }

    /**
     * The default providers in order of preference (empty for none): {@link #defaultUse()} split at commas.
     *
     * @since 1.2
     */
    public List<String> defaultUses() {
        return defaultUse == null ? List.of() : Arrays.stream(defaultUse.split(",")).map(String::trim).toList();
    }

    /**
     * A role filled by an array of one or more components of {@code type}, in descriptor order.
     *
     * @since 1.2
     */
    public static <T> Role<T> list(String name, String kind, Class<T> type) {
        return new Role<>(name, kind, type, Cardinality.LIST, null);
    }

    /** @deprecated since 1.2: use {@link #one(String, String, Class)} */
    @Deprecated
    public static Role<Object> one(String name, String kind) {
        return one(name, kind, Object.class);
    }

    /** @deprecated since 1.2: use {@link #optional(String, String, Class)} */
    @Deprecated
    public static Role<Object> optional(String name, String kind) {
        return optional(name, kind, Object.class);
    }

    /**
     * @since 1.1
     * @deprecated since 1.2: use {@link #optional(String, String, Class, String)}
     */
    @Deprecated
    public static Role<Object> optional(String name, String kind, String defaultUse) {
        return optional(name, kind, Object.class, defaultUse);
    }

    /** @deprecated since 1.2: use {@link #list(String, String, Class)} */
    @Deprecated
    public static Role<Object> list(String name, String kind) {
        return list(name, kind, Object.class);
    }
}

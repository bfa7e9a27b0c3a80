package org.workbench.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A provider's validated parameters with defaults filled in. Values have the Java types that
 * {@link Parameter.Type} names. Immutable; arrays are copied on the way out so that a component
 * can never change what another run sees.
 */
public final class Parameters {
    private final Map<String, Object> values;
    /** The names the provider declares, or {@code null} when not known ({@link #of}). */
    private final Set<String> declared;

    private Parameters(Map<String, Object> values, Set<String> declared) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.declared = declared == null ? null : Collections.unmodifiableSet(new java.util.LinkedHashSet<>(declared));
    }

    private Parameters(Map<String, Object> values) {
        this(values, null);
    }

    /** Parameters holding exactly these values (already typed as {@link Parameter.Type} says). */
    public static Parameters of(Map<String, ?> values) {
        return new Parameters(new LinkedHashMap<>(values));
    }

    /**
     * Parameters holding exactly these values (already typed as {@link Parameter.Type} says, defaults
     * filled in) for a provider that declares {@code declared}: reading a name it does not declare
     * is the provider's mistake, refused with an {@link IllegalStateException} naming the parameter
     * and what it declares, instead of looking like a value the descriptor left out.
     *
     * @since 1.4
     */
    public static Parameters declared(Iterable<Parameter> declared, Map<String, ?> values) {
        Set<String> names = new java.util.LinkedHashSet<>();
        declared.forEach(p -> names.add(p.name()));
        return new Parameters(new LinkedHashMap<>(values), names);
    }

    /** No parameters. */
    public static Parameters empty() {
        return new Parameters(Map.of());
    }

    /**
     * Parameters from the given values plus the defaults of {@code declared} for those not given;
     * integer and number values given as other {@code Number}s are converted. Does not validate:
     * the engine does that before it calls a provider. Meant for tests and programmatic use.
     */
    public static Parameters withDefaults(Iterable<Parameter> declared, Map<String, ?> given) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Parameter p : declared) {
            Object value = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (value != null) {
                all.put(p.name(), normalise(p.type(), value));
            }
        }
        Set<String> names = new java.util.LinkedHashSet<>();
        declared.forEach(p -> names.add(p.name()));
        for (Map.Entry<String, ?> e : given.entrySet()) {
            all.putIfAbsent(e.getKey(), e.getValue());
            names.add(e.getKey());
        }
        return new Parameters(all, names);
    }

    private static Object normalise(Parameter.Type type, Object value) {
        if (type == Parameter.Type.NUMBER && value instanceof Number n) {
            return n.doubleValue();
        }
        if (type == Parameter.Type.INTEGER && value instanceof Number n) {
            return n.longValue();
        }
        if (type == Parameter.Type.NUMBER_OR_VECTOR && value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (type == Parameter.Type.PATH && value instanceof String s) {
            return Path.of(s);
        }
        return value;
    }

    /** Whether a value (given or default) exists for {@code name}. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public double number(String name) {
        return typed(name, Number.class, "number").doubleValue();
    }

    /**
     * An integer parameter. A number parameter read this way must hold a whole value: a fractional
     * one is refused (an {@link IllegalStateException} naming the parameter), never truncated.
     */
    public long integer(String name) {
        Number n = typed(name, Number.class, "integer");
        if ((n instanceof Double || n instanceof Float) && n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalStateException("parameter '" + name + "' is read as an integer, but its value " + n
                    + " is not whole: read it with number(\"" + name + "\") (a double)");
        }
        return n.longValue();
    }

    /** An integer parameter that must fit in an {@code int}. */
    public int intValue(String name) {
        return Math.toIntExact(integer(name));
    }

    public boolean bool(String name) {
        return typed(name, Boolean.class, "boolean");
    }

    public String string(String name) {
        return typed(name, String.class, "string");
    }

    public Path path(String name) {
        if (require(name) instanceof String s) {
            return Path.of(s);
        }
        return typed(name, Path.class, "path");
    }

    /** A vector, or a number as a vector of length 1. */
    public double[] vector(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        return typed(name, double[].class, "vector").clone();
    }

    /**
     * A number-or-vector parameter as a {@link PerCoordinate} value.
     *
     * @since 1.1
     */
    public PerCoordinate perCoordinate(String name) {
        return PerCoordinate.of(vector(name));
    }

    /** A matrix; for a {@link Parameter.Type#VECTOR_OR_MATRIX} parameter written as a vector, that vector as one column. */
    public double[][] matrix(String name) {
        Object v = require(name);
        if (v instanceof double[] vector) {
            double[][] column = new double[vector.length][1];
            for (int i = 0; i < vector.length; i++) {
                column[i][0] = vector[i];
            }
            return column;
        }
        return deepCopy(typed(name, double[][].class, "matrix"));
    }

    /**
     * Whether the value of {@code name} was written as a vector (an array of numbers) rather than
     * as rows: how a {@link Parameter.Type#VECTOR_OR_MATRIX} parameter tells the two apart.
     *
     * @since 1.2
     */
    public boolean isVector(String name) {
        return require(name) instanceof double[];
    }

    @SuppressWarnings("unchecked")
    public Map<String, double[][]> namedMatrices(String name) {
        Map<String, double[][]> source = typed(name, Map.class, "object of matrices");
        Map<String, double[][]> copy = new LinkedHashMap<>();
        source.forEach((k, m) -> copy.put(k, deepCopy(m)));
        return copy;
    }

    /**
     * These parameters as a record whose components are named like the parameters, so a provider
     * reads them typed instead of by name:
     *
     * <pre>{@code
     * record Settings(double location, double scale, double degreesOfFreedom) {}
     * Settings s = parameters.as(Settings.class);
     * }</pre>
     *
     * A component annotated {@link Setting} with a {@link Setting#name()} reads the parameter of that
     * name (since 1.4). A component's type says how its parameter is read: {@code double}, {@code long}, {@code int},
     * {@code boolean} (or their boxes), {@code String}, {@code Path}, {@code double[]},
     * {@code double[][]}, {@link PerCoordinate} or {@code Map} (named matrices). A parameter
     * without a value (an optional one left out) gives {@code null} to a component of a reference
     * type; arrays are copies.
     *
     * A component of type {@code int} or {@code long} for a number parameter takes only whole
     * values: a fractional one is refused naming the component ({@code Settings.epsilon}), never
     * truncated.
     *
     * @throws IllegalArgumentException when a component's name or type matches no parameter reading,
     *         or its type cannot hold the parameter's value
     * @throws IllegalStateException when a component of a primitive type has no value, or names a
     *         parameter the provider does not declare
     * @since 1.2
     */
    public <R extends Record> R as(Class<R> type) {
        java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = read(SettingsRecords.name(components[i]), types[i], type);
        }
        try {
            java.lang.reflect.Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(type.getName() + " refused its parameters: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    private static final java.util.Set<Class<?>> READABLE = java.util.Set.of(double.class, Double.class, long.class,
            Long.class, int.class, Integer.class, boolean.class, Boolean.class, String.class, Path.class,
            double[].class, double[][].class, PerCoordinate.class, Map.class);

    private Object read(String name, Class<?> type, Class<?> record) {
        if (!READABLE.contains(type)) {
            throw new IllegalArgumentException(record.getName() + "." + name + " has type " + type.getName()
                    + ", which no parameter reads as");
        }
        if (declared != null && !declared.contains(name)) {
            throw new IllegalStateException(record.getSimpleName() + "." + name + " names parameter '" + name
                    + "', which the provider does not declare" + declaredText());
        }
        if (!type.isPrimitive() && !values.containsKey(name)) {
            return null;
        }
        if (type.isPrimitive() && !values.containsKey(name)) {
            throw new IllegalStateException(record.getSimpleName() + "." + name + " is a " + type.getName()
                    + ", but parameter '" + name + "' has no value (it is optional without a default): make the "
                    + "component " + boxed(type) + " (null when left out) or give the parameter a default");
        }
        Object value = values.get(name);
        boolean whole = !(value instanceof Double || value instanceof Float)
                || ((Number) value).doubleValue() == Math.rint(((Number) value).doubleValue());
        if ((type == int.class || type == Integer.class || type == long.class || type == Long.class)
                && value instanceof Number && !whole) {
            throw new IllegalArgumentException(record.getSimpleName() + "." + name + " is " + article(type.getSimpleName())
                    + ", but parameter '" + name + "' is a number and its value " + value + " is not whole: declare "
                    + record.getSimpleName() + "." + name + " as double");
        }
        try {
            return readAs(name, type);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(record.getSimpleName() + "." + name + " is "
                    + article(type.getSimpleName()) + ", which cannot hold parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    private static String article(String word) {
        return ("aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static String boxed(Class<?> primitive) {
        return primitive == int.class ? "Integer" : primitive == long.class ? "Long"
                : primitive == boolean.class ? "Boolean" : "Double";
    }

    private Object readAs(String name, Class<?> type) {
        if (type == double.class || type == Double.class) {
            return number(name);
        }
        if (type == long.class || type == Long.class) {
            return integer(name);
        }
        if (type == int.class || type == Integer.class) {
            return intValue(name);
        }
        if (type == boolean.class || type == Boolean.class) {
            return bool(name);
        }
        if (type == String.class) {
            return string(name);
        }
        if (type == Path.class) {
            return path(name);
        }
        if (type == double[].class) {
            return vector(name);
        }
        if (type == double[][].class) {
            return matrix(name);
        }
        if (type == PerCoordinate.class) {
            return perCoordinate(name);
        }
        return namedMatrices(name);
    }

    /** Every value, read-only; arrays are shared, so callers must not modify them. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            if (declared != null && !declared.contains(name)) {
                throw new IllegalStateException("read parameter '" + name + "', which the provider does not declare"
                        + declaredText());
            }
            throw new IllegalStateException("read parameter '" + name + "', which has no value: it is optional "
                    + "without a default and was not given (check has(\"" + name + "\") before reading it)");
        }
        return v;
    }

    private String declaredText() {
        if (declared == null || declared.isEmpty()) {
            return " (it declares none)";
        }
        return " (it declares: " + String.join(", ", declared) + ")";
    }

    private <V> V typed(String name, Class<V> type, String reading) {
        Object v = require(name);
        if (!type.isInstance(v)) {
            throw new IllegalStateException("parameter '" + name + "' holds " + describe(v) + ", which cannot be read "
                    + "as " + article(reading));
        }
        return type.cast(v);
    }

    private static String describe(Object v) {
        if (v instanceof double[]) {
            return "an array of numbers";
        }
        if (v instanceof double[][]) {
            return "an array of rows";
        }
        return article(v.getClass().getSimpleName()) + " (" + v + ")";
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}

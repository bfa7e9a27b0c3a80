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

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parameters holding exactly these values (already typed as {@link Parameter.Type} says). */
    public static Parameters of(Map<String, ?> values) {
        return new Parameters(new LinkedHashMap<>(values));
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
        for (Map.Entry<String, ?> e : given.entrySet()) {
            all.putIfAbsent(e.getKey(), e.getValue());
        }
        return new Parameters(all);
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
        return ((Number) require(name)).doubleValue();
    }

    public long integer(String name) {
        return ((Number) require(name)).longValue();
    }

    /** An integer parameter that must fit in an {@code int}. */
    public int intValue(String name) {
        return Math.toIntExact(integer(name));
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    public String string(String name) {
        return (String) require(name);
    }

    public Path path(String name) {
        return (Path) require(name);
    }

    /** A vector, or a number as a vector of length 1. */
    public double[] vector(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        return ((double[]) v).clone();
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
        return deepCopy((double[][]) v);
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
        Map<String, double[][]> source = (Map<String, double[][]>) require(name);
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
     * A component's type says how its parameter is read: {@code double}, {@code long}, {@code int},
     * {@code boolean} (or their boxes), {@code String}, {@code Path}, {@code double[]},
     * {@code double[][]}, {@link PerCoordinate} or {@code Map} (named matrices). A parameter
     * without a value (an optional one left out) gives {@code null} to a component of a reference
     * type; arrays are copies.
     *
     * @throws IllegalArgumentException when a component's name or type matches no parameter reading
     * @throws InvalidParameterException when a component of a primitive type has no value
     * @since 1.2
     */
    public <R extends Record> R as(Class<R> type) {
        java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = read(components[i].getName(), types[i], type);
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
        if (!type.isPrimitive() && !values.containsKey(name)) {
            return null;
        }
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
            throw new InvalidParameterException(name, "parameter '" + name + "' has no value and no default");
        }
        return v;
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

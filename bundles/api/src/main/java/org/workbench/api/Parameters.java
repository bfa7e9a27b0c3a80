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

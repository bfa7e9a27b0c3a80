package org.workbench.api;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter of a provider: its name, type, default, allowed range and a one-line
 * description. The engine checks a descriptor's {@code with} object against these before a run
 * starts, and {@code describe} prints them. Immutable; built with the static factories and the
 * {@code with...} methods, for example
 * {@code Parameter.number("variance", "noise variance sigma^2").withDefault(1.0).greaterThan(0)}.
 */
public final class Parameter {
    /** The JSON shapes a parameter can take, and the Java type {@link Parameters} returns for each. */
    public enum Type {
        /** A JSON number; {@code double}. */
        NUMBER("number"),
        /** A JSON integer; {@code long}. */
        INTEGER("integer"),
        /** {@code true} or {@code false}. */
        BOOLEAN("boolean"),
        /** A JSON string, optionally one of {@link Parameter#choices()}. */
        STRING("string"),
        /** A file or folder; relative paths resolve against the descriptor's folder; {@code Path}. */
        PATH("path"),
        /** An array of numbers; {@code double[]}. */
        VECTOR("array of numbers"),
        /** A number or an array of numbers; {@code double[]} (length 1 for a number). */
        NUMBER_OR_VECTOR("number or array of numbers"),
        /** An array of equally long rows of numbers; {@code double[][]}. */
        MATRIX("array of rows of numbers"),
        /**
         * An array of numbers (one column vector, as a single data point is written) or an array of
         * equally long rows; {@code double[]} or {@code double[][]} as written, told apart by
         * {@link Parameters#isVector(String)}.
         *
         * @since 1.2
         */
        VECTOR_OR_MATRIX("array of numbers or array of rows of numbers"),
        /**
         * An object whose values are matrices (arrays of rows) or vectors; a vector becomes a
         * column ({@code n x 1}); {@code Map<String, double[][]>}.
         */
        NAMED_MATRICES("object of matrices");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** How the type reads in a message: "number", "array of numbers", ... */
        public String description() {
            return description;
        }
    }

    private final String name;
    private final Type type;
    private final String description;
    private final Object defaultValue;
    private final boolean required;
    private final double min;
    private final boolean minExclusive;
    private final double max;
    private final boolean maxExclusive;
    private final List<String> choices;

    private Parameter(String name, Type type, String description, Object defaultValue, boolean required,
            double min, boolean minExclusive, double max, boolean maxExclusive, List<String> choices) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultValue = defaultValue;
        this.required = required;
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.maxExclusive = maxExclusive;
        this.choices = List.copyOf(choices);
    }

    /** A required parameter of the given type, unbounded, without a default. */
    public static Parameter of(String name, Type type, String description) {
        return new Parameter(name, type, description, null, true, Double.NEGATIVE_INFINITY, false,
                Double.POSITIVE_INFINITY, false, List.of());
    }

    public static Parameter number(String name, String description) {
        return of(name, Type.NUMBER, description);
    }

    public static Parameter integer(String name, String description) {
        return of(name, Type.INTEGER, description);
    }

    public static Parameter bool(String name, String description) {
        return of(name, Type.BOOLEAN, description);
    }

    public static Parameter string(String name, String description) {
        return of(name, Type.STRING, description);
    }

    public static Parameter path(String name, String description) {
        return of(name, Type.PATH, description);
    }

    public static Parameter vector(String name, String description) {
        return of(name, Type.VECTOR, description);
    }

    public static Parameter numberOrVector(String name, String description) {
        return of(name, Type.NUMBER_OR_VECTOR, description);
    }

    public static Parameter matrix(String name, String description) {
        return of(name, Type.MATRIX, description);
    }

    /** @since 1.2 */
    public static Parameter vectorOrMatrix(String name, String description) {
        return of(name, Type.VECTOR_OR_MATRIX, description);
    }

    public static Parameter namedMatrices(String name, String description) {
        return of(name, Type.NAMED_MATRICES, description);
    }

    /**
     * The parameters a settings record declares, one per component in the record's order, each
     * described by its {@link Setting}: the way to write each parameter once, read back with
     * {@link Parameters#as(Class)}.
     *
     * @throws IllegalArgumentException naming the record's component when it has no {@code @Setting},
     *         a type no parameter reads as, or a default or bound that does not fit
     * @since 1.4
     */
    public static List<Parameter> declaredBy(Class<? extends Record> settings) {
        return SettingsRecords.parameters(settings);
    }

    /**
     * The same parameter with a default, which makes it optional. The default must have the Java
     * type that {@link Parameters} returns for this parameter's type ({@code Double}, {@code Long},
     * {@code Boolean}, {@code String}, {@code double[]}...); a {@code Number} for an integer or
     * number parameter is converted. A default of another type (a {@code String} for a number, a
     * fraction for an integer) is refused here, where it is written, naming the parameter.
     *
     * @throws IllegalArgumentException when {@code value} is {@code null} or not of this parameter's type
     */
    public Parameter withDefault(Object value) {
        String wrong = DefaultTypes.mismatch(type, value);
        if (wrong != null) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + (type == Type.INTEGER ? "an " : "a ")
                    + type.description() + ", but its default " + wrong);
        }
        Object converted = value;
        if (type == Type.NUMBER && value instanceof Number n) {
            converted = n.doubleValue();
        } else if (type == Type.INTEGER && value instanceof Number n) {
            converted = n.longValue();
        } else if (type == Type.NUMBER_OR_VECTOR && value instanceof Number n) {
            converted = new double[] {n.doubleValue()};
        }
        return new Parameter(name, type, description, converted, false, min, minExclusive, max,
                maxExclusive, choices);
    }

    /** The same parameter without a default, but optional: {@link Parameters#has} tells whether it was given. */
    public Parameter optional() {
        return new Parameter(name, type, description, defaultValue, false, min, minExclusive, max,
                maxExclusive, choices);
    }

    /** Values (every element, for arrays) must be at least {@code bound}. */
    public Parameter atLeast(double bound) {
        return new Parameter(name, type, description, defaultValue, required, bound, false, max,
                maxExclusive, choices);
    }

    /** Values (every element, for arrays) must be greater than {@code bound}. */
    public Parameter greaterThan(double bound) {
        return new Parameter(name, type, description, defaultValue, required, bound, true, max,
                maxExclusive, choices);
    }

    /** Values (every element, for arrays) must be at most {@code bound}. */
    public Parameter atMost(double bound) {
        return new Parameter(name, type, description, defaultValue, required, min, minExclusive, bound,
                false, choices);
    }

    /** Values (every element, for arrays) must be less than {@code bound}. */
    public Parameter lessThan(double bound) {
        return new Parameter(name, type, description, defaultValue, required, min, minExclusive, bound,
                true, choices);
    }

    /** A string parameter must be one of these. */
    public Parameter oneOf(String... allowed) {
        return new Parameter(name, type, description, defaultValue, required, min, minExclusive, max,
                maxExclusive, List.of(allowed));
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The default value, or {@code null} when there is none. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Whether a descriptor must give this parameter. */
    public boolean required() {
        return required;
    }

    public double min() {
        return min;
    }

    public boolean minExclusive() {
        return minExclusive;
    }

    public double max() {
        return max;
    }

    public boolean maxExclusive() {
        return maxExclusive;
    }

    /** The allowed strings; empty when any string is allowed. */
    public List<String> choices() {
        return choices;
    }

    /** Whether {@code value} lies in the allowed range. */
    public boolean inRange(double value) {
        boolean aboveMin = minExclusive ? value > min : value >= min;
        boolean belowMax = maxExclusive ? value < max : value <= max;
        return aboveMin && belowMax && !Double.isNaN(value);
    }

    /** The allowed range as text, e.g. "> 0", "[0, 1]", or "" when unbounded. */
    public String rangeText() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return (minExclusive ? "(" : "[") + format(min) + ", " + format(max) + (maxExclusive ? ")" : "]");
        }
        if (hasMin) {
            return (minExclusive ? "> " : ">= ") + format(min);
        }
        if (hasMax) {
            return (maxExclusive ? "< " : "<= ") + format(max);
        }
        return "";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return name + " (" + type.description() + ")";
    }
}

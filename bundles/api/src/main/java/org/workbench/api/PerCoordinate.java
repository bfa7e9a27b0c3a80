package org.workbench.api;

import java.util.Arrays;

/**
 * A parameter given per coordinate, where a single number applies to every coordinate (the
 * {@link Parameter.Type#NUMBER_OR_VECTOR} convention of {@code "mean": 0} versus
 * {@code "mean": [0, 1, 2]}). Immutable.
 *
 * @since 1.1
 */
public final class PerCoordinate {
    private final double[] values;

    private PerCoordinate(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a per-coordinate parameter needs at least one value");
        }
        this.values = values.clone();
    }

    /** The values (copied); one value applies to every coordinate. */
    public static PerCoordinate of(double... values) {
        return new PerCoordinate(values);
    }

    /** The value of coordinate {@code i} (any {@code i} when a single value was given). */
    public double get(int i) {
        return values.length == 1 ? values[0] : values[i];
    }

    /** The number of coordinates the values fix, or 0 when a single value applies to any number. */
    public int dimension() {
        return values.length == 1 ? 0 : values.length;
    }

    /**
     * The dimension fixed by two parameters given per coordinate (0 when both are single values).
     *
     * @throws InvalidParameterException naming {@code secondName} when both give vectors of different lengths
     */
    public static int dimension(String firstName, PerCoordinate first, String secondName, PerCoordinate second) {
        int a = first.dimension();
        int b = second.dimension();
        if (a != 0 && b != 0 && a != b) {
            throw new InvalidParameterException(secondName, "'" + firstName + "' has " + a + " coordinates but '"
                    + secondName + "' has " + b + "; give equal lengths or a single number");
        }
        return Math.max(a, b);
    }

    /**
     * Checks that a point {@code theta} has as many coordinates as {@code dimension} fixes (any
     * length when it is 0).
     *
     * @throws IllegalArgumentException when it does not
     */
    public static void checkLength(int dimension, double[] theta) {
        if (dimension != 0 && theta.length != dimension) {
            throw new IllegalArgumentException("the distribution has " + dimension + " coordinates, theta has "
                    + theta.length);
        }
    }

    @Override
    public String toString() {
        return values.length == 1 ? Double.toString(values[0]) : Arrays.toString(values);
    }
}

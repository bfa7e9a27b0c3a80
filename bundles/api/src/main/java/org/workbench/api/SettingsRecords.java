package org.workbench.api;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Derives a provider's declared parameters from its settings record (package-private helper of {@link Parameter}). */
final class SettingsRecords {
    private SettingsRecords() {
    }

    static List<Parameter> parameters(Class<? extends Record> record) {
        if (record == null || !record.isRecord()) {
            throw new IllegalArgumentException((record == null ? "null" : record.getName())
                    + " is not a record: declare the settings as a record whose components carry @Setting");
        }
        List<Parameter> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            out.add(parameter(record, c));
        }
        return List.copyOf(out);
    }

    private static Parameter parameter(Class<?> record, RecordComponent c) {
        String where = record.getSimpleName() + "." + c.getName();
        Setting s = c.getAnnotation(Setting.class);
        if (s == null) {
            throw new IllegalArgumentException(where + " has no @Setting: every component of a settings record "
                    + "declares its parameter (description, and default or range where it has them)");
        }
        Parameter.Type type = type(where, c.getType(), s.type());
        Parameter p = Parameter.of(name(c), type, s.value());
        boolean hasDefault = !Setting.NO_DEFAULT.equals(s.defaultValue());
        if (hasDefault && s.optional()) {
            throw new IllegalArgumentException(where + " has a default and optional = true: a default already makes"
                    + " it optional; drop one");
        }
        if (!hasDefault && s.optional() && c.getType().isPrimitive()) {
            throw new IllegalArgumentException(where + " is optional without a default, so it may have no value, but"
                    + " its type " + c.getType().getName() + " cannot be null: use its box type or give a default");
        }
        if (hasDefault) {
            p = p.withDefault(defaultValue(where, type, s.defaultValue()));
        } else if (s.optional()) {
            p = p.optional();
        }
        if (s.atLeast() != Double.NEGATIVE_INFINITY && s.greaterThan() != Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(where + " gives both atLeast and greaterThan: give one lower bound");
        }
        if (s.atMost() != Double.POSITIVE_INFINITY && s.lessThan() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(where + " gives both atMost and lessThan: give one upper bound");
        }
        if (s.atLeast() != Double.NEGATIVE_INFINITY) {
            p = p.atLeast(s.atLeast());
        } else if (s.greaterThan() != Double.NEGATIVE_INFINITY) {
            p = p.greaterThan(s.greaterThan());
        }
        if (s.atMost() != Double.POSITIVE_INFINITY) {
            p = p.atMost(s.atMost());
        } else if (s.lessThan() != Double.POSITIVE_INFINITY) {
            p = p.lessThan(s.lessThan());
        }
        if (s.oneOf().length > 0) {
            if (type != Parameter.Type.STRING) {
                throw new IllegalArgumentException(where + " lists oneOf, but it is " + type.description()
                        + ", not a string");
            }
            p = p.oneOf(s.oneOf());
        }
        return p;
    }

    /** The name of the parameter that component {@code c} declares: its {@link Setting#name()}, or its own. */
    static String name(RecordComponent c) {
        Setting s = c.getAnnotation(Setting.class);
        return s == null || s.name().isEmpty() ? c.getName() : s.name();
    }

    private static Parameter.Type type(String where, Class<?> java, Parameter.Type[] declared) {
        if (declared.length > 1) {
            throw new IllegalArgumentException(where + " names " + declared.length + " types: name at most one");
        }
        List<Parameter.Type> fitting = fitting(java);
        if (fitting.isEmpty()) {
            throw new IllegalArgumentException(where + " has type " + java.getName() + ", which no parameter reads as:"
                    + " use double, long, int, boolean, String, Path, double[], double[][], PerCoordinate or Map");
        }
        if (declared.length == 0) {
            return fitting.get(0);
        }
        if (!fitting.contains(declared[0])) {
            throw new IllegalArgumentException(where + " is " + java.getSimpleName() + ", which cannot hold "
                    + declared[0].description() + " (it holds: " + String.join(", ",
                            fitting.stream().map(Parameter.Type::name).toList()) + ")");
        }
        return declared[0];
    }

    /** The parameter types a component of this Java type can hold, the one it says by itself first. */
    private static List<Parameter.Type> fitting(Class<?> java) {
        if (java == double.class || java == Double.class) {
            return List.of(Parameter.Type.NUMBER);
        }
        if (java == long.class || java == Long.class || java == int.class || java == Integer.class) {
            return List.of(Parameter.Type.INTEGER, Parameter.Type.NUMBER);
        }
        if (java == boolean.class || java == Boolean.class) {
            return List.of(Parameter.Type.BOOLEAN);
        }
        if (java == String.class) {
            return List.of(Parameter.Type.STRING);
        }
        if (java == Path.class) {
            return List.of(Parameter.Type.PATH);
        }
        if (java == double[].class) {
            return List.of(Parameter.Type.VECTOR, Parameter.Type.NUMBER_OR_VECTOR);
        }
        if (java == PerCoordinate.class) {
            return List.of(Parameter.Type.NUMBER_OR_VECTOR, Parameter.Type.VECTOR);
        }
        if (java == double[][].class) {
            return List.of(Parameter.Type.MATRIX, Parameter.Type.VECTOR_OR_MATRIX);
        }
        if (java == Map.class) {
            return List.of(Parameter.Type.NAMED_MATRICES);
        }
        return List.of();
    }

    private static Object defaultValue(String where, Parameter.Type type, String text) {
        try {
            return switch (type) {
                case NUMBER, NUMBER_OR_VECTOR -> text.contains(",") && type == Parameter.Type.NUMBER_OR_VECTOR
                        ? numbers(text) : Double.parseDouble(text.trim());
                case INTEGER -> Long.parseLong(text.trim().replace("_", ""));
                case BOOLEAN -> bool(text.trim());
                case STRING -> text;
                case PATH -> Path.of(text);
                case VECTOR -> numbers(text);
                case MATRIX, VECTOR_OR_MATRIX, NAMED_MATRICES -> throw new IllegalArgumentException(
                        "a default of " + type.description() + " cannot be written as text: make it optional");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " has the default \"" + text + "\", which is not "
                    + (type == Parameter.Type.INTEGER ? "a whole number" : "a number" + (type == Parameter.Type.NUMBER
                            ? "" : " or numbers separated by commas")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("the default \"" + text + "\" is not true or false");
        }
        return Boolean.valueOf(text);
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
    }
}

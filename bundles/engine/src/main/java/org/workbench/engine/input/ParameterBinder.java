package org.workbench.engine.input;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.workbench.api.Parameter;
import org.workbench.api.Parameters;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Checks a component's {@code with} object against the parameters its provider declares and turns
 * it into typed {@link Parameters}, defaults filled in. Every fault names the file, the JSON path,
 * the component and what would be valid.
 */
public final class ParameterBinder {
    private final Path file;
    private final Path baseDirectory;
    /**
     * Arrays and objects already bound, by the JSON value (its identity) and the parameter (its
     * name, type and range): the points of a
     * sweep share one {@code with} value (a data set, say), which is bound once, not once a point.
     * Bound arrays are never handed out: {@link Parameters} gives copies.
     */
    private final Map<JsonElement, Map<String, Object>> bound = new IdentityHashMap<>();

    /**
     * @param file          the descriptor, for messages
     * @param baseDirectory the folder that relative paths resolve against
     */
    public ParameterBinder(Path file, Path baseDirectory) {
        this.file = file;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Binds {@code with} (may be {@code null}) at JSON path {@code path} for {@code component}
     * (e.g. "prior 'gaussian' 1.0.0").
     */
    public Parameters bind(List<Parameter> declared, JsonObject with, String path, String component)
            throws InvalidInputException {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        declared.forEach(p -> byName.put(p.name(), p));
        JsonObject given = with == null ? new JsonObject() : with;
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                String valid = byName.isEmpty() ? "it takes no parameters"
                        : "valid parameters: " + String.join(", ", byName.keySet());
                throw new InvalidInputException(file, path + "." + key, "unknown parameter '" + key + "' for "
                        + component + Suggestions.didYouMean(key, byName.keySet()) + "; " + valid);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : declared) {
            if (given.has(p.name())) {
                values.put(p.name(), value(p, given.get(p.name()), path + "." + p.name(), component));
            } else if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            } else if (p.required()) {
                throw new InvalidInputException(file, path, component + " needs parameter '" + p.name() + "' ("
                        + expectation(p) + ": " + p.description() + ")");
            }
        }
        return Parameters.declared(declared, values);
    }

    /** Converts one JSON value to the Java type of {@code p}, checking type, range and choices. */
    public Object value(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        if (!e.isJsonArray() && !e.isJsonObject()) {
            return convert(p, e, path, component);
        }
        Map<String, Object> byParameter = bound.computeIfAbsent(e, k -> new HashMap<>());
        String key = p.name() + '\u0000' + p.type() + '\u0000' + p.rangeText();
        Object v = byParameter.get(key);
        if (v == null) {
            v = convert(p, e, path, component);
            byParameter.put(key, v);
        }
        return v;
    }

    private Object convert(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        return switch (p.type()) {
            case NUMBER -> number(p, e, path, component);
            case INTEGER -> integer(p, e, path, component);
            case BOOLEAN -> bool(p, e, path, component);
            case STRING -> string(p, e, path, component);
            case PATH -> resolvePath(string(p, e, path, component), p, path, component);
            case VECTOR -> vector(p, e, path, component);
            case NUMBER_OR_VECTOR -> e.isJsonArray() ? vector(p, e, path, component)
                    : new double[] {number(p, e, path, component)};
            case MATRIX -> matrix(p, e, path, component);
            case VECTOR_OR_MATRIX -> e.isJsonArray() && !e.getAsJsonArray().isEmpty()
                    && !e.getAsJsonArray().get(0).isJsonArray() ? vector(p, e, path, component)
                            : matrix(p, e, path, component);
            case NAMED_MATRICES -> namedMatrices(p, e, path, component);
        };
    }

    /**
     * A file path as written: not empty, without control characters (a NUL cannot be in any file
     * name, and a line break or tab in a path is a slip), and one the platform accepts.
     */
    private Path resolvePath(String text, Parameter p, String path, String component) throws InvalidInputException {
        String valid = "; give the path of a file, relative to the descriptor's folder or absolute";
        if (text.isEmpty()) {
            throw new InvalidInputException(file, path, component + ": parameter '" + p.name() + "' is empty" + valid);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException(file, path, component + ": parameter '" + p.name()
                        + "' holds the control character " + String.format("\\u%04x", (int) c) + " at position " + (i + 1)
                        + (c == 0 ? " (NUL, which no file name can hold)" : "") + valid);
            }
        }
        try {
            return resolve(baseDirectory, Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException(file, path, component + ": parameter '" + p.name() + "' is not a valid path ("
                    + e.getReason() + " at position " + (e.getIndex() + 1) + ")" + valid);
        }
    }

    /** The one rule for paths in descriptors: absolute as given, relative against the descriptor's folder. */
    public static Path resolve(Path baseDirectory, Path path) {
        return path.isAbsolute() ? path : baseDirectory.resolve(path).normalize();
    }

    private double number(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        if (!(e instanceof JsonPrimitive prim) || !prim.isNumber()) {
            throw wrongType(p, e, path, component);
        }
        double v = prim.getAsDouble();
        checkRange(p, v, path, component);
        return v;
    }

    private long integer(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        if (!(e instanceof JsonPrimitive prim) || !prim.isNumber()) {
            throw wrongType(p, e, path, component);
        }
        double v = prim.getAsDouble();
        if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
            throw new InvalidInputException(file, path, component + ": parameter '" + p.name()
                    + "' must be a whole number, got " + prim.getAsString());
        }
        checkRange(p, v, path, component);
        return (long) v;
    }

    private boolean bool(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        if (!(e instanceof JsonPrimitive prim) || !prim.isBoolean()) {
            throw wrongType(p, e, path, component);
        }
        return prim.getAsBoolean();
    }

    private String string(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        if (!(e instanceof JsonPrimitive prim) || !prim.isString()) {
            throw wrongType(p, e, path, component);
        }
        String s = prim.getAsString();
        if (!p.choices().isEmpty() && !p.choices().contains(s)) {
            throw new InvalidInputException(file, path, component + ": parameter '" + p.name() + "' must be one of "
                    + p.choices() + ", got '" + s + "'" + Suggestions.didYouMean(s, p.choices()));
        }
        return s;
    }

    private double[] vector(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        if (!e.isJsonArray()) {
            throw wrongType(p, e, path, component);
        }
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonElement x = a.get(i);
            if (!(x instanceof JsonPrimitive prim) || !prim.isNumber()) {
                throw new InvalidInputException(file, path + "[" + i + "]", component + ": parameter '" + p.name()
                        + "' must hold only numbers, element " + i + " is " + describe(x));
            }
            v[i] = prim.getAsDouble();
            checkRange(p, v[i], path + "[" + i + "]", component);
        }
        return v;
    }

    private double[][] matrix(Parameter p, JsonElement e, String path, String component) throws InvalidInputException {
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw wrongType(p, e, path, component);
        }
        JsonArray rows = e.getAsJsonArray();
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            if (!rows.get(i).isJsonArray()) {
                throw new InvalidInputException(file, path + "[" + i + "]", component + ": parameter '" + p.name()
                        + "' must be an array of rows (arrays of numbers); row " + i + " is " + describe(rows.get(i)));
            }
            m[i] = vector(p, rows.get(i), path + "[" + i + "]", component);
            if (m[i].length != m[0].length) {
                throw new InvalidInputException(file, path + "[" + i + "]", component + ": parameter '" + p.name()
                        + "' has rows of different lengths: row 0 has " + m[0].length + ", row " + i + " has "
                        + m[i].length);
            }
        }
        return m;
    }

    private Map<String, double[][]> namedMatrices(Parameter p, JsonElement e, String path, String component)
            throws InvalidInputException {
        if (!e.isJsonObject()) {
            throw wrongType(p, e, path, component);
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
            String childPath = path + "." + entry.getKey();
            JsonElement value = entry.getValue();
            boolean isVector = value.isJsonArray() && !value.getAsJsonArray().isEmpty()
                    && !value.getAsJsonArray().get(0).isJsonArray();
            if (isVector) {
                double[] v = vector(p, value, childPath, component);
                double[][] column = new double[v.length][1];
                for (int i = 0; i < v.length; i++) {
                    column[i][0] = v[i];
                }
                out.put(entry.getKey(), column);
            } else {
                out.put(entry.getKey(), matrix(p, value, childPath, component));
            }
        }
        return out;
    }

    private void checkRange(Parameter p, double v, String path, String component) throws InvalidInputException {
        if (!NumberRule.admits(v)) {
            String declared = p.rangeText().isEmpty() ? "" : p.rangeText() + " and ";
            throw new InvalidInputException(file, path, component + ": parameter '" + p.name() + "' must be "
                    + declared + NumberRule.TEXT + ", got " + NumberRule.describe(v));
        }
        if (!p.inRange(v)) {
            throw new InvalidInputException(file, path, component + ": parameter '" + p.name() + "' must be "
                    + p.rangeText() + ", got " + formatNumber(v));
        }
    }

    private InvalidInputException wrongType(Parameter p, JsonElement e, String path, String component) {
        return new InvalidInputException(file, path, component + ": parameter '" + p.name() + "' must be "
                + expectation(p) + ", got " + describe(e));
    }

    /** "a number > 0", "an array of numbers", "one of [a, b]"... */
    public static String expectation(Parameter p) {
        String range = p.rangeText().isEmpty() ? "" : " " + p.rangeText();
        String choices = p.choices().isEmpty() ? ""
                : " (one of " + p.choices().stream().collect(Collectors.joining(", ")) + ")";
        String article = p.type().description().matches("^[aeiou].*") ? "an " : "a ";
        return article + p.type().description() + range + choices;
    }

    private static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        JsonPrimitive prim = e.getAsJsonPrimitive();
        if (prim.isString()) {
            return "the string \"" + prim.getAsString() + "\"";
        }
        return prim.getAsString();
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

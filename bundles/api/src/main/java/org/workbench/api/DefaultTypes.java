package org.workbench.api;

import java.nio.file.Path;
import java.util.Map;

/** Which Java values a default of each {@link Parameter.Type} may be (package-private helper of {@link Parameter}). */
final class DefaultTypes {
    private DefaultTypes() {
    }

    /** Why {@code value} cannot be a default of {@code type} ("\"1e-8\" is a String: write withDefault(1e-8)"), or null. */
    static String mismatch(Parameter.Type type, Object value) {
        if (value == null) {
            return "is null: leave withDefault out (or use optional()) for a parameter without one";
        }
        boolean fits = switch (type) {
            case NUMBER -> value instanceof Number;
            case INTEGER -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && !Double.isInfinite(n.doubleValue());
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case PATH -> value instanceof String || value instanceof Path;
            case VECTOR -> value instanceof double[];
            case NUMBER_OR_VECTOR -> value instanceof Number || value instanceof double[];
            case MATRIX -> value instanceof double[][];
            case VECTOR_OR_MATRIX -> value instanceof double[] || value instanceof double[][];
            case NAMED_MATRICES -> value instanceof Map;
        };
        if (fits) {
            return null;
        }
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        String hint = "";
        if (value instanceof String s && (type == Parameter.Type.NUMBER || type == Parameter.Type.INTEGER
                || type == Parameter.Type.NUMBER_OR_VECTOR)) {
            hint = ": write withDefault(" + s + ") without quotes";
        } else if (type == Parameter.Type.INTEGER && value instanceof Number) {
            return shown + " is not whole";
        }
        return shown + " is " + (value.getClass().isArray() ? "an array " + value.getClass().getSimpleName()
                : "a " + value.getClass().getSimpleName()) + hint;
    }
}

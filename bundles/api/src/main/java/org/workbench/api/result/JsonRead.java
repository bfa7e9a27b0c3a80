package org.workbench.api.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the read model's values from a JSON tree of maps and lists, naming the JSON path of what is wrong. */
final class JsonRead {
    private JsonRead() {
    }

    interface Reader<T> {
        T read(Map<String, ?> object, String where);
    }

    static String string(Map<String, ?> m, String key, String where) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(where + "." + key + ": " + (v == null ? "missing" : "not a string")
                    + "; a string is needed");
        }
        return s;
    }

    static String optionalString(Map<String, ?> m, String key, String fallback) {
        return m.get(key) instanceof String s ? s : fallback;
    }

    static int integer(Map<String, ?> m, String key, int fallback, String where) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(where + "." + key + ": " + v + " is not a whole number");
        }
        return n.intValue();
    }

    static long longValue(Map<String, ?> m, String key, long fallback) {
        return m.get(key) instanceof Number n ? n.longValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    static Map<String, ?> object(Object v, String where) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": " + (v == null ? "missing" : "not an object")
                    + "; an object is needed");
        }
        return (Map<String, ?>) m;
    }

    static <T> List<T> list(Map<String, ?> m, String key, String where, Reader<T> reader) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            throw new IllegalArgumentException(where + "." + key + ": not an array; an array of objects is needed");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = where + "." + key + "[" + i + "]";
            try {
                out.add(reader.read(object(items.get(i), at), at));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(at) ? e : new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** A name of a chart or table: lower-case letters, digits and dashes. */
    static void requireName(String id, String what) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(what + " id '" + id + "' must be lower-case letters, digits and dashes");
        }
    }

    /** A dotted key: segments of letters, digits and '_'. */
    static void requireKey(String key, String what) {
        if (key == null || !key.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
            throw new IllegalArgumentException(what + " '" + key + "' must be a dotted key (segments of letters, digits, '_')");
        }
    }
}

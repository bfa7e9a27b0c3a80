package org.workbench.engine.output;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Writes JSON as {@code result.json} shows it: objects one member a line, indented by two spaces,
 * and arrays likewise, except an array that holds no object and no array (a vector of numbers, a
 * list of names), which stays on one line, {@code [0.5, 1.5, 2.0]}, so that a vector of a thousand
 * coefficients is one line, not a thousand. Numbers are written as Gson writes them
 * ({@link Number#toString()}), except doubles and floats, which are written as the shortest decimal
 * that reads back as the same value ({@link DoubleText}: Java 19 and later's {@code toString}, on
 * every JDK, so that a {@code result.json} is the same text whichever JDK ran it); strings with
 * Gson's escapes and no HTML escaping.
 */
public final class JsonText {
    private JsonText() {
    }

    public static void write(JsonElement e, Writer w) throws IOException {
        write(e, w, 0, Map.of());
    }

    /**
     * Writes {@code e} as {@link #write(JsonElement, Writer)} does, but where the very array
     * {@code placeholder} stands, the elements of {@code items} one after another, each made only when
     * it is written: a document of a hundred thousand sweep points need not hold them all as JSON.
     * The text is that of {@code e} with {@code placeholder} holding the items (of objects or arrays).
     */
    public static void write(JsonElement e, Writer w, JsonArray placeholder, Iterable<? extends JsonElement> items)
            throws IOException {
        Map<JsonArray, Iterable<? extends JsonElement>> streams = new IdentityHashMap<>();
        streams.put(placeholder, items);
        write(e, w, 0, streams);
    }

    /**
     * Writes {@code e} as {@link #write(JsonElement, Writer)} does, but where each of the very arrays
     * that key {@code streams} stands, the elements of its iterable, each made only when it is
     * written. The text is that of {@code e} with each placeholder holding its items, which must be
     * all objects and arrays or all plain values (then, as any such array, on one line).
     */
    public static void write(JsonElement e, Writer w, Map<JsonArray, Iterable<? extends JsonElement>> streams)
            throws IOException {
        write(e, w, 0, streams);
    }

    /** {@code e} as compact JSON text ({@link #compact(JsonElement, Writer)}). */
    public static String compact(JsonElement e) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            compact(e, w);
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        return w.toString();
    }

    /**
     * Writes {@code e} as compact JSON (no white space), character for character as Gson's compact
     * writer does but for doubles and floats (written as {@link #write(JsonElement, Writer)} does),
     * and without making {@link BigDecimal} cache its text: writing a descriptor's million numbers
     * must not double the memory they take.
     */
    public static void compact(JsonElement e, Writer w) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.write("null");
        } else if (e.isJsonPrimitive()) {
            primitive(e.getAsJsonPrimitive(), w);
        } else if (e.isJsonObject()) {
            w.write('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (!first) {
                    w.write(',');
                }
                first = false;
                string(m.getKey(), w);
                w.write(':');
                compact(m.getValue(), w);
            }
            w.write('}');
        } else {
            JsonArray a = e.getAsJsonArray();
            w.write('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                compact(a.get(i), w);
            }
            w.write(']');
        }
    }

    private static void write(JsonElement e, Writer w, int depth, Map<JsonArray, Iterable<? extends JsonElement>> streams)
            throws IOException {
        Iterable<? extends JsonElement> items = e instanceof JsonArray a ? streams.get(a) : null;
        if (items != null) {
            boolean any = false;
            boolean flat = false;
            for (JsonElement item : items) {
                if (!any) {
                    flat = !item.isJsonObject() && !item.isJsonArray();
                }
                w.write(flat ? (any ? ", " : "[") : (any ? ",\n" : "[\n"));
                any = true;
                if (!flat) {
                    indent(w, depth + 1);
                }
                write(item, w, depth + 1, Map.of());
            }
            if (!any) {
                w.write("[]");
                return;
            }
            if (!flat) {
                w.write('\n');
                indent(w, depth);
            }
            w.write(']');
            return;
        }
        if (e == null || e.isJsonNull()) {
            w.write("null");
        } else if (e.isJsonPrimitive()) {
            primitive(e.getAsJsonPrimitive(), w);
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.isEmpty()) {
                w.write("{}");
                return;
            }
            w.write('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                w.write(first ? "\n" : ",\n");
                first = false;
                indent(w, depth + 1);
                string(m.getKey(), w);
                w.write(": ");
                write(m.getValue(), w, depth + 1, streams);
            }
            w.write('\n');
            indent(w, depth);
            w.write('}');
        } else {
            JsonArray a = e.getAsJsonArray();
            if (flat(a)) {
                w.write('[');
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        w.write(", ");
                    }
                    write(a.get(i), w, depth + 1, Map.of());
                }
                w.write(']');
                return;
            }
            w.write('[');
            for (int i = 0; i < a.size(); i++) {
                w.write(i == 0 ? "\n" : ",\n");
                indent(w, depth + 1);
                write(a.get(i), w, depth + 1, streams);
            }
            w.write('\n');
            indent(w, depth);
            w.write(']');
        }
    }

    private static boolean flat(JsonArray a) {
        for (JsonElement x : a) {
            if (x.isJsonObject() || x.isJsonArray()) {
                return false;
            }
        }
        return true;
    }

    private static void indent(Writer w, int depth) throws IOException {
        for (int i = 0; i < depth; i++) {
            w.write("  ");
        }
    }

    private static void primitive(JsonPrimitive p, Writer w) throws IOException {
        if (p.isString()) {
            string(p.getAsString(), w);
        } else if (p.isBoolean()) {
            w.write(p.getAsBoolean() ? "true" : "false");
        } else {
            String number = number(p.getAsNumber());
            if (number.equals("NaN") || number.endsWith("Infinity")) {
                throw new IllegalArgumentException("JSON has no " + number + " (non-finite results are null with a reason)");
            }
            w.write(number);
        }
    }

    /**
     * A number's text as {@link Number#toString()} gives it (what Gson writes), but for a double or
     * a float the shortest decimal ({@link DoubleText}; Java 17's own {@code toString} is longer for
     * about 3 doubles in 1,000 of random bit patterns); for a {@link BigDecimal} (how the strict
     * reader keeps a descriptor's numbers) the same text is built from its digits and scale, because
     * {@code BigDecimal.toString()} keeps a copy of it.
     */
    static String number(Number n) {
        if (n instanceof Double d) {
            return DoubleText.of(d);
        }
        if (n instanceof Float f) {
            return DoubleText.of(f);
        }
        if (!(n instanceof BigDecimal b)) {
            return n.toString();
        }
        int scale = b.scale();
        BigInteger unscaled = b.unscaledValue();
        String digits = unscaled.abs().toString();
        long adjusted = -(long) scale + (digits.length() - 1);
        if (scale >= 0 && adjusted >= -6) {
            return b.toPlainString();
        }
        StringBuilder t = new StringBuilder(digits.length() + 8);
        if (unscaled.signum() < 0) {
            t.append('-');
        }
        t.append(digits.charAt(0));
        if (digits.length() > 1) {
            t.append('.').append(digits, 1, digits.length());
        }
        if (adjusted != 0) {
            t.append('E');
            if (adjusted > 0) {
                t.append('+');
            }
            t.append(adjusted);
        }
        return t.toString();
    }

    /** A JSON string with the escapes Gson's writer uses (no HTML escaping). */
    static void string(String s, Writer w) throws IOException {
        w.write('"');
        int last = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String escape;
            if (c < 0x20) {
                escape = switch (c) {
                    case '\t' -> "\\t";
                    case '\b' -> "\\b";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\f' -> "\\f";
                    default -> String.format("\\u%04x", (int) c);
                };
            } else if (c == '"') {
                escape = "\\\"";
            } else if (c == '\\') {
                escape = "\\\\";
            } else if (c == '\u2028') {
                escape = "\\u2028";
            } else if (c == '\u2029') {
                escape = "\\u2029";
            } else {
                continue;
            }
            w.write(s, last, i - last);
            w.write(escape);
            last = i + 1;
        }
        w.write(s, last, n - last);
        w.write('"');
    }
}

package org.workbench.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.workbench.api.result.PointLabel;

/** Reading result files and turning JSON values into short readable text. */
final class Json {
    /** HTML-safe (escapes {@code <}, {@code >}, {@code &}, {@code '}, {@code =}), for data embedded in pages. */
    static final Gson SAFE = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private Json() {
    }

    static JsonObject read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) {
                throw new IOException(file + ": not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A JSON value as plain maps, lists, doubles, strings and booleans (null for JSON null or none), as the API's read model takes it. */
    static Object plain(JsonElement e) {
        return e == null || e.isJsonNull() ? null : SAFE.fromJson(e, Object.class);
    }

    /** A JSON object as a plain map ({@link #plain}), its keys in order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plainObject(JsonObject o) {
        return (Map<String, Object>) plain(o);
    }

    /** The value at a dotted path (numeric segments index arrays), or null when there is none. */
    static JsonElement at(JsonElement root, String path) {
        JsonElement cur = root;
        for (String seg : path.split("\\.")) {
            if (cur == null) {
                return null;
            }
            if (cur.isJsonObject()) {
                cur = cur.getAsJsonObject().get(seg);
            } else if (cur.isJsonArray() && seg.matches("\\d+")) {
                int i = Integer.parseInt(seg);
                cur = i < cur.getAsJsonArray().size() ? cur.getAsJsonArray().get(i) : null;
            } else {
                return null;
            }
        }
        return cur;
    }

    /** A number with at most {@code digits} significant digits; integers as integers (as point labels write it). */
    static String number(double v, int digits) {
        return PointLabel.number(v, digits);
    }

    /**
     * A count that is estimated, such as an effective sample size: rounded to a whole number and grouped by
     * thousands ("11,780", not "1.178e4"); anything that is not a number reads as {@link #text} has it.
     */
    static String count(JsonElement e) {
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double v = e.getAsDouble();
            if (Double.isFinite(v)) {
                return String.format(Locale.ROOT, "%,d", Math.round(v));
            }
        }
        return text(e, 4);
    }

    /** A JSON value as short text: numbers to {@code digits} significant digits, vectors as {@code [a, b]}. */
    static String text(JsonElement e, int digits) {
        if (e == null || e.isJsonNull()) {
            return "undefined";
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                String raw = p.getAsString();
                if (raw.matches("-?\\d+")) {
                    return raw;
                }
                return number(p.getAsDouble(), digits);
            }
            return p.getAsString();
        }
        if (e.isJsonArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(text(e.getAsJsonArray().get(i), digits));
            }
            return b.append(']').toString();
        }
        return e.toString();
    }

    /**
     * The scalar leaves of a tree as dotted keys (arrays of numbers stay one entry; arrays of objects
     * and matrices are indexed), in document order; a top-level array's keys start with the index ({@code 0.set.prior.scale}).
     */
    static Map<String, JsonElement> flatten(JsonElement e) {
        Map<String, JsonElement> out = new LinkedHashMap<>();
        flatten("", e, out);
        return out;
    }

    private static void flatten(String prefix, JsonElement e, Map<String, JsonElement> out) {
        if (e == null) {
            return;
        }
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                flatten(prefix.isEmpty() ? m.getKey() : prefix + "." + m.getKey(), m.getValue(), out);
            }
        } else if (e.isJsonArray() && e.getAsJsonArray().size() > 0
                && !e.getAsJsonArray().get(0).isJsonPrimitive() && !e.getAsJsonArray().get(0).isJsonNull()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                flatten(prefix.isEmpty() ? Integer.toString(i) : prefix + "." + i, e.getAsJsonArray().get(i), out);
            }
        } else {
            out.put(prefix, e);
        }
    }
}

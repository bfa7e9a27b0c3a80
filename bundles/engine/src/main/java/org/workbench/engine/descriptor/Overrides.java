package org.workbench.engine.descriptor;

import java.nio.file.Path;
import java.util.List;

import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;

/**
 * Applies {@code --set PATH=VALUE} overrides to a descriptor's JSON. {@code PATH} starts with a
 * role under {@code components} ({@code prior.with.variance}), with {@code task} ({@code task.with.replications}),
 * or names a top-level key ({@code seed}); array elements are addressed by index
 * ({@code network.0.with.out}). {@code VALUE} is JSON when it parses as JSON, else a string.
 */
public final class Overrides {
    private Overrides() {
    }

    /** Applies every override in order, modifying {@code root}. */
    public static void apply(JsonObject root, List<String> overrides, Path file) throws InvalidInputException {
        for (String override : overrides) {
            apply(root, override, file);
        }
    }

    private static void apply(JsonObject root, String override, Path file) throws InvalidInputException {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new InvalidInputException(file, null, "--set expects PATH=VALUE (e.g. prior.with.variance=9), got '"
                    + override + "'");
        }
        String[] segments = override.substring(0, eq).split("\\.", -1);
        for (String segment : segments) {
            if (segment.isBlank()) {
                throw new InvalidInputException(file, null, "--set " + override + ": the path has an empty segment; "
                        + "write ROLE.KEY... such as prior.with.variance or network.0.with.out");
            }
        }
        JsonElement value = parseValue(override.substring(eq + 1));
        JsonElement node = root;
        int start = 0;
        JsonObject components = root.has("components") && root.get("components").isJsonObject()
                ? root.getAsJsonObject("components") : null;
        if (!segments[0].equals("task") && components != null && components.has(segments[0])) {
            node = components;
        }
        for (int i = start; i < segments.length - 1; i++) {
            node = child(node, segments[i], override, file);
        }
        String last = segments[segments.length - 1];
        if (node instanceof JsonObject o) {
            o.add(last, value);
        } else if (node instanceof JsonArray a && index(last) >= 0 && index(last) < a.size()) {
            a.set(index(last), value);
        } else {
            throw new InvalidInputException(file, null, "--set " + override + ": cannot set '" + last
                    + "' inside " + kind(node));
        }
    }

    private static JsonElement child(JsonElement node, String segment, String override, Path file)
            throws InvalidInputException {
        if (node instanceof JsonObject o) {
            if (!o.has(segment) || o.get(segment).isJsonNull()) {
                o.add(segment, new JsonObject());
            }
            return o.get(segment);
        }
        if (node instanceof JsonArray a && index(segment) >= 0) {
            int index = index(segment);
            if (index < a.size()) {
                return a.get(index);
            }
            throw new InvalidInputException(file, null, "--set " + override + ": index " + index
                    + " is past the end of an array of " + a.size());
        }
        throw new InvalidInputException(file, null, "--set " + override + ": cannot descend into '" + segment
                + "' inside " + kind(node));
    }

    /** The array index a segment names, or -1 when it is not a whole number an array could have. */
    private static int index(String segment) {
        if (!segment.matches("\\d{1,9}")) {
            return -1;
        }
        return Integer.parseInt(segment);
    }

    private static JsonElement parseValue(String text) {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            return parsed.isJsonNull() && !text.strip().equals("null") ? new JsonPrimitive(text) : parsed;
        } catch (JsonSyntaxException e) {
            return new JsonPrimitive(text);
        }
    }

    private static String kind(JsonElement node) {
        return node.isJsonArray() ? "an array" : node.isJsonObject() ? "an object" : "the value " + node;
    }
}

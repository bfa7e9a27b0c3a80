package org.workbench.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Fills {@code {{PATH}}} and {@code {{PATH:N}}} from a {@code result.json}: PATH is dotted (numeric
 * segments index arrays), N significant digits (default 4). A missing path becomes the visible
 * marker {@code ⟨missing: PATH⟩}; {@code null} becomes "undefined" and the reason beside it.
 */
final class Placeholders {
    static final String MISSING = "⟨missing: ";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)(?::(\\d+))?\\s*}}");

    private Placeholders() {
    }

    /** @param result the run's document, or null when the experiment has no homework run yet */
    static String fill(String text, JsonObject result) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(1);
            int digits = m.group(2) == null ? 4 : Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value(result, path, digits)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(JsonObject result, String path, int digits) {
        if (result == null) {
            return "⟨not run yet⟩";
        }
        JsonElement e = Json.at(result, path);
        if (e == null) {
            return MISSING + path + "⟩";
        }
        if (e.isJsonNull()) {
            return "undefined" + reason(result, path);
        }
        return Json.text(e, digits);
    }

    /** The reason recorded beside an undefined value ({@code <key>Reason} or {@code reason} in its parent). */
    private static String reason(JsonObject result, String path) {
        int dot = path.lastIndexOf('.');
        String parentPath = dot < 0 ? "" : path.substring(0, dot);
        String key = path.substring(dot + 1);
        JsonElement parent = parentPath.isEmpty() ? result : Json.at(result, parentPath);
        if (parent != null && parent.isJsonObject()) {
            for (String candidate : new String[] {key + "Reason", key + "_reason", "reasons." + key}) {
                JsonElement r = Json.at(parent, candidate);
                if (r != null && r.isJsonPrimitive()) {
                    return " (" + r.getAsString() + ")";
                }
            }
        }
        return "";
    }
}

package org.workbench.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Fills {@code {{PATH}}} and {@code {{PATH:N}}} from a {@code result.json}: N significant digits
 * (default 4). PATH is dotted from the document's root (numeric segments index arrays, and a key that
 * itself holds dots, such as a sweep's {@code data.n}, is matched whole; a negative index counts from the
 * end, {@code epochs.-1} is the last epoch), or one of the forms that read
 * the run's effective descriptor, so that parameter values in the prose follow the run:
 * <ul>
 * <li>{@code with.ROLE.PARAM}: the parameter of component ROLE ({@code task} for the task) as the run
 * used it ({@code with.network.I.PARAM} for the I-th of a list): its effective descriptor's {@code with} value, else the default recorded in
 * {@code provenance.components.ROLE.parameters}; a swept parameter gives its list of sweep values;</li>
 * <li>{@code sweep.ROLE.PARAM.I}: the I-th value of that sweep;</li>
 * <li>{@code descriptor.PATH}: any path of the effective descriptor.</li>
 * </ul>
 * A path the run lacks becomes a dash, with a one-line reason in {@link Filled#notes()};
 * {@code null} becomes "undefined" and the reason beside it.
 */
final class Placeholders {
    /** What stands in the text for a value the run lacks. */
    static final String DASH = "—";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)(?::(\\d+))?\\s*}}");

    /** Filled text, and one line per placeholder the run lacks saying why it shows a dash. */
    record Filled(String text, List<String> notes) {
    }

    private Placeholders() {
    }

    /** @param result the run's document, or null when the experiment has no homework run yet */
    static String fill(String text, JsonObject result) {
        return filled(text, result).text();
    }

    /** Fills {@code text}; a table showing an array's first and last entries shows each once ({@link EntryRows}). */
    static Filled filled(String text, JsonObject result) {
        Matcher m = PLACEHOLDER.matcher(EntryRows.distinct(text, result));
        StringBuilder out = new StringBuilder();
        Set<String> notes = new LinkedHashSet<>();
        while (m.find()) {
            String path = m.group(1);
            int digits = m.group(2) == null ? 4 : Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value(result, path, digits, notes)));
        }
        m.appendTail(out);
        return new Filled(out.toString(), List.copyOf(notes));
    }

    private static String value(JsonObject result, String path, int digits, Set<String> notes) {
        if (result == null) {
            return "⟨not run yet⟩";
        }
        JsonElement e = lookup(result, path);
        if (e == null) {
            notes.add(DASH + " " + path + ": " + whyMissing(result, path));
            return DASH;
        }
        if (e.isJsonNull()) {
            return "undefined" + reason(result, path);
        }
        if (e.isJsonArray() && e.getAsJsonArray().size() == 1 && e.getAsJsonArray().get(0).isJsonPrimitive()
                && (path.startsWith("with.") || path.startsWith("descriptor."))) {
            e = e.getAsJsonArray().get(0);
        }
        return Json.text(e, digits);
    }

    /** The element a placeholder names, or null when the run lacks it (a JSON null is returned as such). */
    static JsonElement lookup(JsonObject result, String path) {
        JsonElement descriptor = Json.at(result, "provenance.effectiveDescriptor");
        if (path.startsWith("descriptor.")) {
            return at(descriptor, path.substring("descriptor.".length()));
        }
        if (path.startsWith("sweep.")) {
            return at(descriptor == null ? null : Json.at(descriptor, "sweep"), path.substring("sweep.".length()));
        }
        if (path.startsWith("with.")) {
            return parameter(result, descriptor, path.substring("with.".length()));
        }
        return at(result, path);
    }

    /** {@code ROLE.PARAM}: swept values, else the effective descriptor's value, else the recorded default. */
    private static JsonElement parameter(JsonObject result, JsonElement descriptor, String rolePath) {
        int dot = rolePath.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String role = rolePath.substring(0, dot);
        String param = rolePath.substring(dot + 1);
        if (descriptor != null && descriptor.isJsonObject()) {
            JsonElement sweep = descriptor.getAsJsonObject().get("sweep");
            if (sweep != null && sweep.isJsonObject() && sweep.getAsJsonObject().has(rolePath)) {
                return sweep.getAsJsonObject().get(rolePath);
            }
            JsonElement component = Json.at(descriptor, "components." + role);
            JsonElement v;
            if (component != null && component.isJsonArray()) { // a list such as a network: with.network.0.out
                int second = param.indexOf('.');
                v = second < 0 ? null : at(component, param.substring(0, second) + ".with." + param.substring(second + 1));
            } else {
                v = at(role.equals("task") ? Json.at(descriptor, "task.with") : at(component, "with"), param);
            }
            if (v != null) {
                return v;
            }
        }
        JsonElement recorded = role.equals("task") ? Json.at(result, "provenance.task.parameters")
                : at(Json.at(result, "provenance.components"), role + ".parameters");
        return at(recorded, param);
    }

    /** Like {@link Json#at} but a key holding dots ({@code data.n}) matches several segments at once. */
    static JsonElement at(JsonElement root, String path) {
        if (root == null) {
            return null;
        }
        return at(root, path.split("\\."), 0);
    }

    private static JsonElement at(JsonElement cur, String[] segments, int from) {
        if (from == segments.length) {
            return cur;
        }
        if (cur.isJsonObject()) {
            JsonObject o = cur.getAsJsonObject();
            for (int to = segments.length; to > from; to--) {
                String key = String.join(".", java.util.Arrays.copyOfRange(segments, from, to));
                if (o.has(key)) {
                    JsonElement found = at(o.get(key), segments, to);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        if (cur.isJsonArray() && segments[from].matches("-?\\d+")) {
            JsonArray a = cur.getAsJsonArray();
            int i = Integer.parseInt(segments[from]);
            i = i < 0 ? a.size() + i : i; // -1: the last entry (the last epoch, whatever their number)
            return i >= 0 && i < a.size() ? at(a.get(i), segments, from + 1) : null;
        }
        return null;
    }

    /** One line: the deepest part of the path the run has, and what it lacks there. */
    static String whyMissing(JsonObject result, String path) {
        if (path.startsWith("with.") || path.startsWith("descriptor.") || path.startsWith("sweep.")) {
            return Json.at(result, "provenance.effectiveDescriptor") == null
                    ? "this run records no effective descriptor (written by an older workbench)"
                    : "this run's descriptor does not set it and its component records no such parameter";
        }
        String[] segments = path.split("\\.");
        JsonElement cur = result;
        List<String> done = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            String where = done.isEmpty() ? "the result" : String.join(".", done);
            if (cur != null && cur.isJsonArray()) {
                int size = cur.getAsJsonArray().size();
                int index = seg.matches("-?\\d+") ? Integer.parseInt(seg) : Integer.MAX_VALUE;
                index = index < 0 ? size + index : index;
                if (index < 0 || index >= size) {
                    return "this run's " + where + " has " + size + " entr" + (size == 1 ? "y" : "ies")
                            + " (another sweep, epoch count or shape than the homework run)";
                }
                cur = cur.getAsJsonArray().get(index);
            } else if (cur != null && cur.isJsonObject() && cur.getAsJsonObject().has(seg)) {
                cur = cur.getAsJsonObject().get(seg);
            } else {
                JsonElement rest = at(cur, String.join(".", java.util.Arrays.copyOfRange(segments, i, segments.length)));
                if (rest != null) {
                    return "present";
                }
                return where + " has no '" + seg + "' in this run (its task or settings do not compute it)";
            }
            done.add(seg);
        }
        return "not in this run";
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

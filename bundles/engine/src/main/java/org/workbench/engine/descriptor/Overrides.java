package org.workbench.engine.descriptor;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.workbench.engine.input.InvalidInputException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Applies command-line overrides to a descriptor's JSON, in order.
 *
 * <p>{@code PATH=VALUE} ({@code --set}): {@code PATH} is one of
 * <ul>
 * <li>{@code ROLE.PARAM} or {@code ROLE.with.PARAM}, the same parameter ({@code prior.variance} is
 * {@code prior.with.variance}; sweeps write the short form), and {@code ROLE.use} /
 * {@code ROLE.version} for the provider; a role the descriptor does not fill yet is added;</li>
 * <li>{@code ROLE.INDEX.PARAM} for an element of a list role ({@code network.0.out});</li>
 * <li>{@code task.PARAM} or {@code task.with.PARAM}, and {@code task.use};</li>
 * <li>a top-level key ({@code seed}, {@code hotSwap}, {@code name}, {@code origin}), descended as written.</li>
 * </ul>
 * {@code VALUE} is JSON when the whole of it parses as one JSON value ({@code 9}, {@code [1,2]},
 * {@code "a,b"}), else a comma list when it has commas outside brackets and quotes (a sweep, below),
 * else a string.
 *
 * <p>A sweep ({@code --sweep KEY=V1,V2}, recorded as {@value #SWEEP_PREFIX}{@code KEY=...}; or a
 * {@code --set} whose value is a comma list; or a {@code --set} of a key the descriptor already
 * sweeps) replaces the descriptor's {@code sweep} entry {@code ROLE.PARAM} with those values. A
 * parameter of the task or of a single component can be swept, and so can a single component's
 * provider: {@code --sweep prior.use=gaussian,laplace}, {@code prior.version=...}, or whole
 * component objects {@code --sweep 'prior={"use":"gaussian"},{"use":"laplace","with":{"scale":1}}'}.
 */
public final class Overrides {
    /** Marks an override that came from {@code --sweep}: its values are always a sweep. */
    public static final String SWEEP_PREFIX = "--sweep ";
    private static final Set<String> TOP_LEVEL = Set.of("format", "name", "title", "description", "seed", "components",
            "sweep", "plots", "hotSwap", "timeout", "executor", "swaps", "isolate", "pointPlots",
            Origins.KEY);
    private static final Set<String> COMPONENT_KEYS = Set.of("use", "version", "with");

    private Overrides() {
    }

    /**
     * Applies every override in order, modifying {@code root}. A {@code ROLE.use=NAME} that switches
     * to another provider first drops the role's {@code with} values from the descriptor (they were
     * the old provider's), so that the new one starts from its defaults; values given for the role
     * in the same command are kept, whatever their order.
     *
     * @return one note per switch that dropped values, naming them
     */
    public static List<String> apply(JsonObject root, List<String> overrides, Path file) throws InvalidInputException {
        List<String> notes = new ArrayList<>();
        for (String override : overrides) {
            dropOnSwitch(root, override, notes);
        }
        for (String override : overrides) {
            apply(root, override, file);
        }
        return notes;
    }

    /** For {@code ROLE.use=NAME} naming another provider than the descriptor's: removes the role's {@code with}. */
    private static void dropOnSwitch(JsonObject root, String override, List<String> notes) {
        if (override.startsWith(SWEEP_PREFIX) || override.indexOf('=') <= 0) {
            return;
        }
        String path = override.substring(0, override.indexOf('='));
        List<String> normalized = normalize(root, Arrays.asList(path.split("\\.", -1)));
        if (normalized.isEmpty() || !normalized.get(normalized.size() - 1).equals("use")) {
            return;
        }
        JsonElement node = root;
        for (String segment : normalized.subList(0, normalized.size() - 1)) {
            if (node instanceof JsonObject o && o.has(segment)) {
                node = o.get(segment);
            } else if (node instanceof JsonArray a && index(segment) >= 0 && index(segment) < a.size()) {
                node = a.get(index(segment));
            } else {
                return;
            }
        }
        if (!(node instanceof JsonObject component) || !(component.get("with") instanceof JsonObject with)
                || with.size() == 0) {
            return;
        }
        String raw = override.substring(override.indexOf('=') + 1);
        JsonElement single = parseSingle(raw);
        if (single == null && hasTopLevelComma(raw)) {
            return; // a sweep over providers: the role's values are validated against each point's provider
        }
        String next = single != null && single.isJsonPrimitive() ? single.getAsString() : raw;
        String previous = component.get("use") instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
        if (previous == null || previous.equals(next)) {
            return;
        }
        List<String> dropped = new ArrayList<>();
        with.entrySet().forEach(e -> dropped.add(e.getKey() + "=" + (e.getValue().toString().length() > 40
                ? e.getValue().toString().substring(0, 37) + "..." : e.getValue())));
        component.remove("with");
        String role = path.substring(0, path.length() - ".use".length());
        notes.add("--set " + override + ": " + next + " starts from its own defaults; dropped " + previous + "'s "
                + String.join(", ", dropped) + " (to keep a value, give it in the same command: --set " + role
                + ".with.PARAM=VALUE, or --set '" + role + ".with={...}')");
    }

    private static void apply(JsonObject root, String override, Path file) throws InvalidInputException {
        boolean forcedSweep = override.startsWith(SWEEP_PREFIX);
        String option = forcedSweep ? "--sweep" : "--set";
        String text = forcedSweep ? override.substring(SWEEP_PREFIX.length()) : override;
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InvalidInputException(file, null, option + " needs PATH=VALUE (e.g. "
                    + (forcedSweep ? "data.n=1,10,100" : "prior.with.variance=9") + "), got '" + text + "'");
        }
        String path = text.substring(0, eq);
        String raw = text.substring(eq + 1);
        String where = option + " " + text;
        List<String> segments = Arrays.asList(path.split("\\.", -1));
        if (segments.contains("")) {
            throw new InvalidInputException(file, null, where + ": an empty name in the path '" + path + "'");
        }
        if (segments.size() == 1 && !TOP_LEVEL.contains(path) && !path.equals("task") && !forcedSweep) {
            java.util.Set<String> keys = new java.util.TreeSet<>(TOP_LEVEL);
            String fill = root.get("components") instanceof JsonObject c && c.has(path) ? "; the descriptor's role '"
                    + path + "' takes " + path + ".use, " + path + ".version or " + path + ".PARAM" : "";
            throw new InvalidInputException(file, null, where + ": '" + path + "' is not a top-level key of a descriptor"
                    + org.workbench.engine.input.Suggestions.didYouMean(path, keys) + fill + "; top-level keys: "
                    + String.join(", ", keys) + "; a parameter is ROLE.PARAM (prior.variance) or task.PARAM");
        }
        if (!TOP_LEVEL.contains(segments.get(0)) && !segments.get(0).equals("task")
                && !(root.get("components") instanceof JsonObject c && c.has(segments.get(0)))) {
            String first = segments.get(0);
            java.util.Optional<String> top = TOP_LEVEL.stream().filter(k -> k.equalsIgnoreCase(first)).findFirst()
                    .or(() -> first.length() >= 6 ? org.workbench.engine.input.Suggestions.closest(first, TOP_LEVEL)
                            : java.util.Optional.empty());
            if (top.isPresent()) {
                throw new InvalidInputException(file, null, where + ": '" + segments.get(0) + "' is neither a role of "
                        + "the descriptor nor a top-level key (did you mean '" + top.get() + "'?)");
            }
        }
        List<String> normalized = normalize(root, segments);
        JsonElement single = forcedSweep ? null : parseSingle(raw);
        String sweepKey = sweepKey(normalized);
        boolean swept = sweepKey != null && root.get("sweep") instanceof JsonObject sweep && sweep.has(sweepKey);
        if (forcedSweep || single == null && hasTopLevelComma(raw) || swept) {
            if (sweepKey == null) {
                throw new InvalidInputException(file, null, where + ": a sweep varies the seed or one parameter of the "
                        + "task or of a single component, written ROLE.PARAM (e.g. data.n or task.replications), or a single "
                        + "component's provider (ROLE.use, ROLE.version or ROLE with component objects), not '" + path
                        + "'" + (single == null ? "" : "; to set a list as one value, write it as JSON: [1,2]"));
            }
            List<JsonElement> values = single != null ? List.of(single) : items(raw, where, file);
            JsonArray array = new JsonArray();
            values.forEach(array::add);
            sweepObject(root, where, file).add(sweepKey, array);
            return;
        }
        set(root, normalized, single != null ? single : new JsonPrimitive(raw), where, file);
    }

    /**
     * The path with the descriptor's nesting made explicit: {@code [components, ROLE, with, PARAM]},
     * {@code [task, with, PARAM]} or a top-level path as written.
     */
    private static List<String> normalize(JsonObject root, List<String> segments) {
        String first = segments.get(0);
        List<String> out = new ArrayList<>();
        if (TOP_LEVEL.contains(first)) {
            return segments;
        }
        List<String> rest = segments.subList(1, segments.size());
        if (first.equals("task")) {
            out.add("task");
            out.addAll(componentPath(rest));
            return out;
        }
        out.add("components");
        out.add(first);
        JsonElement role = root.get("components") instanceof JsonObject c ? c.get(first) : null;
        if (role instanceof JsonArray && !rest.isEmpty() && index(rest.get(0)) >= 0) {
            out.add(rest.get(0));
            out.addAll(componentPath(rest.subList(1, rest.size())));
        } else {
            out.addAll(componentPath(rest));
        }
        return out;
    }

    /** Inside one component: {@code use}, {@code version}, {@code with...} as written; anything else is a parameter. */
    private static List<String> componentPath(List<String> rest) {
        if (rest.isEmpty() || COMPONENT_KEYS.contains(rest.get(0))) {
            return rest;
        }
        List<String> out = new ArrayList<>();
        out.add("with");
        out.addAll(rest);
        return out;
    }

    /** {@code ROLE.PARAM} for a parameter of the task or of a single component, else {@code null}. */
    private static String sweepKey(List<String> normalized) {
        if (normalized.size() == 1 && normalized.get(0).equals(SweepAxis.SEED)) {
            return SweepAxis.SEED;
        }
        if (normalized.size() == 3 && normalized.get(0).equals("task") && normalized.get(1).equals("with")) {
            return "task." + normalized.get(2);
        }
        if (normalized.size() == 4 && normalized.get(0).equals("components") && normalized.get(2).equals("with")) {
            return normalized.get(1) + "." + normalized.get(3);
        }
        if (normalized.size() == 3 && normalized.get(0).equals("components")
                && (normalized.get(2).equals(SweepAxis.USE) || normalized.get(2).equals(SweepAxis.VERSION))) {
            return normalized.get(1) + "." + normalized.get(2);
        }
        if (normalized.size() == 2 && normalized.get(0).equals("components")) {
            return normalized.get(1);
        }
        return null;
    }

    private static JsonObject sweepObject(JsonObject root, String where, Path file) throws InvalidInputException {
        JsonElement sweep = root.get("sweep");
        if (sweep == null || sweep.isJsonNull()) {
            JsonObject created = new JsonObject();
            root.add("sweep", created);
            return created;
        }
        if (!sweep.isJsonObject()) {
            throw new InvalidInputException(file, "$.sweep", where + ": the descriptor's sweep is not an object");
        }
        return sweep.getAsJsonObject();
    }

    private static void set(JsonObject root, List<String> path, JsonElement value, String where, Path file)
            throws InvalidInputException {
        JsonElement node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = child(node, path.get(i), path.get(i + 1), where, file);
        }
        String last = path.get(path.size() - 1);
        if (node instanceof JsonObject o) {
            o.add(last, value);
        } else if (node instanceof JsonArray a && index(last) >= 0 && index(last) < a.size()) {
            a.set(index(last), value);
        } else {
            throw new InvalidInputException(file, null, where + ": cannot set '" + last + "' inside " + kind(node));
        }
    }

    private static JsonElement child(JsonElement node, String segment, String next, String where, Path file)
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
            throw new InvalidInputException(file, null, where + ": index " + index + " is past the end of an array of "
                    + a.size());
        }
        throw new InvalidInputException(file, null, where + ": cannot descend into '" + segment + "' inside "
                + kind(node) + (node instanceof JsonArray ? " (give an index: ...0." + next + ")" : ""));
    }

    /** The array index a segment names, or -1 when it is not a whole number an array could have. */
    private static int index(String segment) {
        return segment.matches("\\d{1,9}") ? Integer.parseInt(segment) : -1;
    }

    /** The value when the whole text is one JSON value, else {@code null}. */
    static JsonElement parseSingle(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement parsed = JsonParser.parseReader(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? parsed : null;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            return null;
        }
    }

    /** Whether {@code text} has a comma outside brackets, braces and double quotes. */
    static boolean hasTopLevelComma(String text) {
        return splitTopLevel(text).size() > 1;
    }

    private static List<JsonElement> items(String raw, String where, Path file) throws InvalidInputException {
        List<JsonElement> values = new ArrayList<>();
        for (String item : splitTopLevel(raw)) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                throw new InvalidInputException(file, null, where + ": an empty value in the list '" + raw + "'");
            }
            JsonElement v = parseSingle(trimmed);
            values.add(v != null ? v : new JsonPrimitive(trimmed));
        }
        return values;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String kind(JsonElement node) {
        return node.isJsonArray() ? "an array" : node.isJsonObject() ? "an object" : "the value " + node;
    }
}

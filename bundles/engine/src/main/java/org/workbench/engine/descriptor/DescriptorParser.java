package org.workbench.engine.descriptor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workbench.engine.input.FaultList;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Reads a descriptor file, applies overrides and checks its structure (not yet its parameters). */
public final class DescriptorParser {
    /** The seed used when a descriptor gives none; recorded in provenance like any other. */
    public static final long DEFAULT_SEED = 181L;
    private static final Set<String> TOP_LEVEL = Set.of("$schema", "format", "name", "title", "description", "seed",
            "task", "components", "sweep", "plots", "hotSwap", "timeout", "executor", "isolate", "swaps",
            "pointPlots", Origins.KEY);
    /** The largest seed: seeds are whole numbers from 0 to 2^63 - 1 (the non-negative Java longs). */
    public static final BigInteger MAX_SEED = BigInteger.valueOf(Long.MAX_VALUE);
    /** The longest descriptor {@code timeout}, in seconds (one year). */
    public static final double MAX_TIMEOUT_SECONDS = 365 * 24 * 3600.0;
    private static final Set<String> COMPONENT_KEYS = Set.of("use", "version", "with");
    private static final Set<String> PLOT_KEYS = Set.of("name", "title", "x", "y", "logX", "logY", "xLabel", "yLabel",
            "labels");

    private final long maxBytes;

    /** A parser of descriptors of at most {@link DescriptorFile#limit()} bytes (the runtime's limit). */
    public DescriptorParser() {
        this(0);
    }

    /** A parser of descriptors of at most {@code maxBytes} bytes ({@link DescriptorFile}); 0 for the runtime's limit. */
    public DescriptorParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Parses {@code file}, applying {@code overrides} ({@code PATH=VALUE}) first. */
    public Descriptor parse(Path file, List<String> overrides) throws InvalidInputException {
        byte[] bytes = DescriptorFile.read(file, maxBytes > 0 ? maxBytes : DescriptorFile.limit());
        JsonObject root = StrictJson.parseObject(file, bytes);
        List<String> notes = Overrides.apply(root, overrides, file);
        return structure(file, sha256(bytes), root, overrides, notes);
    }

    /**
     * Reads a descriptor that travelled as JSON (a unit's pinned effective descriptor), standing for
     * {@code file}, against whose folder its relative paths resolve.
     */
    public Descriptor parse(Path file, JsonObject root) throws InvalidInputException {
        return structure(file, sha256(root.toString().getBytes(StandardCharsets.UTF_8)), root.deepCopy(), List.of(),
                List.of());
    }

    private Descriptor structure(Path file, String sha, JsonObject root, List<String> overrides, List<String> notes)
            throws InvalidInputException {
        FaultList faults = new FaultList();
        faults.attempt(() -> {
            unknownKeys(file, root, "$", TOP_LEVEL, "descriptor");
            return null;
        }, null);
        faults.attempt(() -> {
            JsonElement format = root.get("format");
            if (format == null || !isNumber(format) || format.getAsDouble() != 1) {
                throw new InvalidInputException(file, "$.format", "expected \"format\": 1 (the only descriptor format), got "
                        + (format == null ? "nothing" : format.toString()));
            }
            return null;
        }, null);
        String name = faults.attempt(() -> {
            String n = requireString(file, root, "name", "$");
            if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new InvalidInputException(file, "$.name", "the name becomes a folder name: use letters, digits, '.', '_' or '-', got \""
                        + n + "\"");
            }
            return n;
        }, "invalid");
        String title = faults.attempt(() -> root.has("title") ? requireString(file, root, "title", "$") : name, name);
        long seed = faults.attempt(() -> root.has("seed") ? seed(file, root.get("seed")) : DEFAULT_SEED, DEFAULT_SEED);
        Duration timeout = faults.attempt(() -> root.has("timeout") ? timeout(file, root.get("timeout")) : null, null);
        ComponentSpec task = faults.attempt(() -> {
            JsonElement taskElement = root.get("task");
            if (taskElement == null || !taskElement.isJsonObject()) {
                throw new InvalidInputException(file, "$.task", "a descriptor needs a \"task\" object such as {\"use\": \"gaussian-mean\"}");
            }
            return component(file, taskElement.getAsJsonObject(), "$.task", COMPONENT_KEYS);
        }, null);
        Map<String, RoleSpec> roles = faults.attempt(() -> roles(file, root), Map.of());
        List<SweepAxis> sweep = faults.attempt(() -> sweep(file, root), List.of());
        List<SweepPlotSpec> plots = faults.attempt(() -> plots(file, root), List.of());
        boolean hotSwap = faults.attempt(() -> {
            if (root.has("hotSwap")) {
                JsonElement h = root.get("hotSwap");
                if (!(h instanceof JsonPrimitive p) || !p.isBoolean()) {
                    throw new InvalidInputException(file, "$.hotSwap", "must be true or false, got " + h);
                }
                return h.getAsBoolean();
            }
            return false;
        }, false);
        faults.attempt(() -> {
            if (root.has(Origins.KEY)) {
                Origins.check(file, root.get(Origins.KEY));
            }
            return null;
        }, null);
        faults.attempt(() -> {
            if (root.has("isolate") && !(root.get("isolate") instanceof JsonPrimitive p && p.isBoolean())) {
                throw new InvalidInputException(file, "$.isolate", "must be true (run in a child JVM that the workbench can "
                        + "always kill, as run --isolate does) or false, got " + shorten(String.valueOf(root.get("isolate"))));
            }
            return null;
        }, null);
        faults.attempt(() -> {
            if (root.has("pointPlots") && !(root.get("pointPlots") instanceof JsonPrimitive p && p.isBoolean())) {
                throw new InvalidInputException(file, "$.pointPlots", "must be true (draw every sweep point's own plots) "
                        + "or false (none; the sweep's plots are drawn either way), got "
                        + shorten(String.valueOf(root.get("pointPlots"))) + "; without it a sweep of at most "
                        + Descriptor.POINT_PLOTS_LIMIT + " points draws them");
            }
            return null;
        }, null);
        List<SwapStep> swaps = faults.attempt(() -> SwapStep.parse(file, root, roles), List.of());
        faults.throwIfAny();
        return new Descriptor(file, sha, root, List.copyOf(overrides), name, title, seed, task, roles, sweep, plots,
                hotSwap, timeout, swaps, List.copyOf(notes));
    }

    /** A seed is a whole number from 0 to 2^63 - 1, exactly as written: nothing is rounded or wrapped. */
    static long seed(Path file, JsonElement s) throws InvalidInputException {
        String valid = "the seed must be a whole number from 0 to " + MAX_SEED + " (2^63 - 1)";
        if (!isNumber(s)) {
            throw new InvalidInputException(file, "$.seed", valid + ", got " + s);
        }
        BigDecimal exact;
        try {
            exact = s.getAsBigDecimal();
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file, "$.seed", valid + ", got a number too large to represent");
        }
        BigInteger whole;
        try {
            whole = exact.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(file, "$.seed", valid + ", got " + shorten(s.getAsString()));
        }
        if (whole.signum() < 0 || whole.compareTo(MAX_SEED) > 0) {
            throw new InvalidInputException(file, "$.seed", valid + ", got " + shorten(s.getAsString()));
        }
        return whole.longValueExact();
    }

    private static Duration timeout(Path file, JsonElement t) throws InvalidInputException {
        if (!isNumber(t) || !(t.getAsDouble() > 0) || t.getAsDouble() > MAX_TIMEOUT_SECONDS) {
            throw new InvalidInputException(file, "$.timeout", "the timeout is a number of seconds > 0 and at most "
                    + (long) MAX_TIMEOUT_SECONDS + " (a year), such as 600; got " + shorten(String.valueOf(t)));
        }
        return Duration.ofNanos(Math.max(1, (long) (t.getAsDouble() * 1e9)));
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 36) + "...";
    }

    private static Map<String, RoleSpec> roles(Path file, JsonObject root) throws InvalidInputException {
        Map<String, RoleSpec> roles = new LinkedHashMap<>();
        JsonElement components = root.get("components");
        if (components == null) {
            return roles;
        }
        if (!components.isJsonObject()) {
            throw new InvalidInputException(file, "$.components", "must be an object mapping roles to components");
        }
        for (Map.Entry<String, JsonElement> e : components.getAsJsonObject().entrySet()) {
            String path = "$.components." + e.getKey();
            JsonElement value = e.getValue();
            if (value.isJsonObject()) {
                roles.put(e.getKey(), new RoleSpec(e.getKey(), false,
                        List.of(component(file, value.getAsJsonObject(), path, COMPONENT_KEYS)), path));
            } else if (value.isJsonArray()) {
                List<ComponentSpec> list = new ArrayList<>();
                JsonArray array = value.getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    String itemPath = path + "[" + i + "]";
                    if (!array.get(i).isJsonObject()) {
                        throw new InvalidInputException(file, itemPath, "each element must be a component object such as {\"use\": \"relu\"}");
                    }
                    list.add(component(file, array.get(i).getAsJsonObject(), itemPath, COMPONENT_KEYS));
                }
                if (list.isEmpty()) {
                    throw new InvalidInputException(file, path, "an empty list; give at least one component");
                }
                roles.put(e.getKey(), new RoleSpec(e.getKey(), true, list, path));
            } else {
                throw new InvalidInputException(file, path, "must be a component object {\"use\": ..., \"with\": {...}} or an array of them");
            }
        }
        return roles;
    }

    private static ComponentSpec component(Path file, JsonObject o, String path, Set<String> keys)
            throws InvalidInputException {
        unknownKeys(file, o, path, keys, "component");
        String use = requireString(file, o, "use", path);
        String version = null;
        if (o.has("version")) {
            version = requireString(file, o, "version", path);
            try {
                org.osgi.framework.VersionRange.valueOf(version);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(file, path + ".version", "not an OSGi version range: \"" + version
                        + "\" (examples: \"[1.0,2.0)\", \"1.1\" meaning 1.1 or later)");
            }
        }
        JsonObject with = new JsonObject();
        if (o.has("with")) {
            if (!o.get("with").isJsonObject()) {
                throw new InvalidInputException(file, path + ".with", "must be an object of parameters");
            }
            with = o.getAsJsonObject("with");
        }
        return new ComponentSpec(use, version, with, path);
    }

    private static List<SweepAxis> sweep(Path file, JsonObject root) throws InvalidInputException {
        List<SweepAxis> axes = new ArrayList<>();
        JsonElement sweep = root.get("sweep");
        if (sweep == null) {
            return axes;
        }
        if (!sweep.isJsonObject()) {
            throw new InvalidInputException(file, "$.sweep", "must be an object such as {\"data.n\": [1, 10, 100]}");
        }
        for (Map.Entry<String, JsonElement> e : sweep.getAsJsonObject().entrySet()) {
            String path = "$.sweep['" + e.getKey() + "']";
            if (e.getKey().equals(SweepAxis.SEED)) {
                axes.add(SweepAxis.seed(seedValues(file, path, e.getValue()), path));
                continue;
            }
            int dot = e.getKey().indexOf('.');
            boolean whole = dot < 0 && !e.getKey().isEmpty() && !e.getKey().equals("task");
            if (!whole && (dot <= 0 || dot == e.getKey().length() - 1 || e.getKey().indexOf('.', dot + 1) >= 0)) {
                throw new InvalidInputException(file, path, "a sweep key is ROLE.PARAMETER (e.g. data.n or task.replications), "
                        + "ROLE.use or ROLE.version (one point per provider), ROLE (one point per component object) or seed, got '"
                        + e.getKey() + "'");
            }
            if (!e.getValue().isJsonArray() || e.getValue().getAsJsonArray().isEmpty()) {
                throw new InvalidInputException(file, path, "must be a non-empty array of values");
            }
            List<JsonElement> values = new ArrayList<>();
            e.getValue().getAsJsonArray().forEach(values::add);
            SweepAxis axis = whole ? new SweepAxis(e.getKey(), "", values, path)
                    : new SweepAxis(e.getKey().substring(0, dot), e.getKey().substring(dot + 1), values, path);
            if (axis.isComponent() && axis.role().equals("task")) {
                throw new InvalidInputException(file, path, "the task cannot be swept; sweep a component's provider "
                        + "(prior.use) or a parameter (task.PARAM)");
            }
            if (axis.isComponent()) {
                checkComponentValues(file, axis);
            }
            axes.add(axis);
        }
        return axes;
    }

    /**
     * The values of a component axis: names ({@code ROLE.use}), version ranges ({@code ROLE.version})
     * or component objects ({@code ROLE}), each checked as the descriptor's components are.
     */
    private static void checkComponentValues(Path file, SweepAxis axis) throws InvalidInputException {
        for (int i = 0; i < axis.values().size(); i++) {
            JsonElement v = axis.values().get(i);
            String at = axis.jsonPath() + "[" + i + "]";
            if (axis.parameter().isEmpty()) {
                if (!v.isJsonObject()) {
                    throw new InvalidInputException(file, axis.jsonPath(), "a sweep key without a dot names a role, and "
                            + "each of its values is a component object such as {\"use\": \"laplace\", \"with\": "
                            + "{\"scale\": 1}}; got " + v + " at [" + i + "]; a parameter is swept as ROLE.PARAMETER "
                            + "(e.g. data.n or task.replications), a provider as ROLE.use");
                }
                component(file, v.getAsJsonObject(), at, COMPONENT_KEYS);
            } else if (!(v instanceof JsonPrimitive p) || !p.isString() || p.getAsString().isBlank()) {
                throw new InvalidInputException(file, at, "each value of '" + axis.key() + "' is a provider "
                        + (axis.parameter().equals(SweepAxis.USE) ? "name such as \"laplace\"" : "version range such as \"[1.0,2.0)\"")
                        + ", got " + v);
            } else if (axis.parameter().equals(SweepAxis.VERSION)) {
                JsonObject probe = new JsonObject();
                probe.addProperty("use", "x");
                probe.add("version", v);
                component(file, probe, at, COMPONENT_KEYS);
            }
        }
    }

    /** The component a value of a whole-component sweep describes ({@code "prior": [{"use": ...}, ...]}). */
    public static ComponentSpec sweptComponent(Path file, JsonObject o, String path) throws InvalidInputException {
        return component(file, o, path, COMPONENT_KEYS);
    }

    /** The values of the seed axis: a non-empty array of distinct whole numbers. */
    private static List<JsonElement> seedValues(Path file, String path, JsonElement value) throws InvalidInputException {
        if (!value.isJsonArray() || value.getAsJsonArray().isEmpty()) {
            throw new InvalidInputException(file, path, "must be a non-empty array of whole numbers (one seed per replication)");
        }
        List<JsonElement> values = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
            JsonElement v = value.getAsJsonArray().get(i);
            if (!(v instanceof JsonPrimitive p) || !p.isNumber() || p.getAsDouble() != Math.rint(p.getAsDouble())
                    || Math.abs(p.getAsDouble()) > 9.007199254740992E15) {
                throw new InvalidInputException(file, path + "[" + i + "]", "a seed must be a whole number, got " + v);
            }
            if (!seen.add(p.getAsLong())) {
                throw new InvalidInputException(file, path + "[" + i + "]", "seed " + p.getAsLong() + " is listed twice");
            }
            values.add(v);
        }
        return values;
    }

    private static List<SweepPlotSpec> plots(Path file, JsonObject root) throws InvalidInputException {
        List<SweepPlotSpec> plots = new ArrayList<>();
        JsonElement element = root.get("plots");
        if (element == null) {
            return plots;
        }
        if (!element.isJsonArray()) {
            throw new InvalidInputException(file, "$.plots", "must be an array of plot objects");
        }
        JsonArray array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.plots[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new InvalidInputException(file, path, "must be an object {\"name\", \"x\", \"y\": [...]}");
            }
            JsonObject o = array.get(i).getAsJsonObject();
            unknownKeys(file, o, path, PLOT_KEYS, "plot");
            String name = requireString(file, o, "name", path);
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new InvalidInputException(file, path + ".name", "use letters, digits, '.', '_' or '-'");
            }
            String title = o.has("title") ? requireString(file, o, "title", path) : name;
            String x = requireString(file, o, "x", path);
            List<String> y = new ArrayList<>();
            JsonElement ys = o.get("y");
            if (ys != null && ys.isJsonPrimitive() && ys.getAsJsonPrimitive().isString()) {
                y.add(ys.getAsString());
            } else if (ys != null && ys.isJsonArray() && !ys.getAsJsonArray().isEmpty()) {
                for (JsonElement k : ys.getAsJsonArray()) {
                    if (!(k instanceof JsonPrimitive p) || !p.isString()) {
                        throw new InvalidInputException(file, path + ".y", "must list result keys as strings");
                    }
                    y.add(k.getAsString());
                }
            } else {
                throw new InvalidInputException(file, path + ".y", "must be a result key or a non-empty array of them");
            }
            List<String> labels = new ArrayList<>();
            if (o.has("labels")) {
                JsonElement ls = o.get("labels");
                if (!ls.isJsonArray() || ls.getAsJsonArray().size() != y.size()) {
                    throw new InvalidInputException(file, path + ".labels", "must be an array of " + y.size()
                            + " legend labels, one per key of y");
                }
                for (JsonElement l : ls.getAsJsonArray()) {
                    labels.add(l.isJsonPrimitive() ? l.getAsString() : l.toString());
                }
            }
            plots.add(new SweepPlotSpec(name, title, x, y, flag(file, o, "logX", path), flag(file, o, "logY", path), path,
                    o.has("xLabel") ? requireString(file, o, "xLabel", path) : null,
                    o.has("yLabel") ? requireString(file, o, "yLabel", path) : null, labels));
        }
        return plots;
    }

    private static boolean flag(Path file, JsonObject o, String key, String path) throws InvalidInputException {
        if (!o.has(key)) {
            return false;
        }
        JsonElement v = o.get(key);
        if (!(v instanceof JsonPrimitive p) || !p.isBoolean()) {
            throw new InvalidInputException(file, path + "." + key, "must be true or false, got " + v);
        }
        return v.getAsBoolean();
    }

    private static void unknownKeys(Path file, JsonObject o, String path, Set<String> valid, String what)
            throws InvalidInputException {
        for (String key : o.keySet()) {
            if (!valid.contains(key)) {
                throw new InvalidInputException(file, path + "." + key, "unknown key '" + key + "' in a " + what
                        + Suggestions.didYouMean(key, valid) + "; valid keys: " + String.join(", ", valid.stream().sorted().toList()));
            }
        }
    }

    private static String requireString(Path file, JsonObject o, String key, String path) throws InvalidInputException {
        JsonElement v = o.get(key);
        if (v == null) {
            throw new InvalidInputException(file, path, "missing \"" + key + "\"");
        }
        if (!(v instanceof JsonPrimitive p) || !p.isString() || p.getAsString().isBlank()) {
            throw new InvalidInputException(file, path + "." + key, "must be a non-empty string, got " + v);
        }
        return v.getAsString();
    }

    private static boolean isNumber(JsonElement e) {
        return e instanceof JsonPrimitive p && p.isNumber();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

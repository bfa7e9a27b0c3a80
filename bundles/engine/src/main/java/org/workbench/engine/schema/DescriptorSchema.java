package org.workbench.engine.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Role;
import org.workbench.api.TaskProvider;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderSource;
import org.workbench.engine.output.JsonValues;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A JSON Schema (draft 2020-12) of descriptors built from the providers registered now: every
 * provider with its parameters (type, range, choices, default, description), and for every task
 * the roles it has and, in each, only the providers whose components have the role's type. Editors
 * that read {@code "$schema"} complete provider names and parameters from it; the engine's own
 * checks stay the reference (they also check what a schema cannot, such as sweep keys against
 * parameters).
 */
public final class DescriptorSchema {
    /** The draft the schema follows. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    private final ProviderSource providers;

    public DescriptorSchema(ProviderSource providers) {
        this.providers = providers;
    }

    /** The schema, from the providers whose components can be activated now. */
    public JsonObject build() {
        List<ProviderEntry> entries = providers.entries().stream().filter(ProviderEntry::available)
                .sorted(Comparator.comparing(ProviderEntry::kind).thenComparing(ProviderEntry::name)
                        .thenComparing(ProviderEntry::version))
                .toList();
        JsonObject defs = new JsonObject();
        Map<String, List<ProviderEntry>> byProvider = new LinkedHashMap<>();
        for (ProviderEntry e : entries) {
            byProvider.computeIfAbsent(e.kind() + "." + e.name(), k -> new ArrayList<>()).add(e);
        }
        byProvider.forEach((key, versions) -> defs.add(key, provider(versions)));
        defs.add("versionRange", versionRange());
        defs.add("plot", plot());

        JsonObject schema = new JsonObject();
        schema.addProperty("$schema", DIALECT);
        schema.addProperty("$id", "urn:workbench:descriptor:1");
        schema.addProperty("title", "Workbench experiment descriptor (format 1)");
        schema.addProperty("description", "Built by './workbench schema' from the providers installed when it ran.");
        schema.addProperty("type", "object");
        schema.add("required", strings("format", "name", "task"));
        schema.addProperty("additionalProperties", false);
        JsonObject properties = new JsonObject();
        properties.add("$schema", typed("string", "where this schema lies, for editors"));
        JsonObject format = new JsonObject();
        format.addProperty("const", 1);
        format.addProperty("description", "the descriptor format; 1 is the only one");
        properties.add("format", format);
        JsonObject name = typed("string", "the experiment's name, which becomes a folder name");
        name.addProperty("pattern", NAME_PATTERN);
        properties.add("name", name);
        properties.add("title", typed("string", "a title for reports"));
        properties.add("description", typed("string", "what the experiment shows"));
        JsonObject seed = typed("integer", "the run's seed; every component's seed derives from it");
        seed.addProperty("minimum", 0);
        seed.addProperty("maximum", Long.MAX_VALUE);
        properties.add("seed", seed);
        List<ProviderEntry> tasks = entries.stream().filter(e -> e.kind().equals(Kinds.TASK)
                && e.provider() instanceof TaskProvider).toList();
        JsonObject task = new JsonObject();
        task.addProperty("type", "object");
        task.addProperty("description", "the task to run");
        task.add("required", strings("use"));
        JsonObject use = new JsonObject();
        use.add("enum", strings(tasks.stream().map(ProviderEntry::name).distinct().toArray(String[]::new)));
        JsonObject taskProperties = new JsonObject();
        taskProperties.add("use", use);
        taskProperties.add("version", ref("versionRange"));
        taskProperties.add("with", typed("object", "the task's parameters"));
        task.add("properties", taskProperties);
        task.addProperty("additionalProperties", false);
        properties.add("task", task);
        properties.add("components", typed("object", "the components that fill the task's roles, by role"));
        JsonObject sweep = typed("object", "ROLE.PARAMETER (or task.PARAMETER, or seed for replications; ROLE.use or ROLE.version "
                + "for one point per provider; ROLE for one point per component object) to the values to run; the runs are the "
                + "Cartesian product");
        JsonObject key = new JsonObject();
        key.addProperty("pattern", "^(seed|[A-Za-z0-9_-]+(\\.(with\\.)?[A-Za-z0-9_-]+)?)$");
        sweep.add("propertyNames", key);
        JsonObject values = new JsonObject();
        values.addProperty("type", "array");
        values.addProperty("minItems", 1);
        sweep.add("additionalProperties", values);
        properties.add("sweep", sweep);
        JsonObject plots = typed("array", "plots of result keys against a sweep key");
        plots.add("items", ref("plot"));
        properties.add("plots", plots);
        properties.add("hotSwap", typed("boolean", "take a newer version of a long task's optimizer during the run"));
        JsonObject timeout = typed("number", "seconds after which each run ends (exit 1, nothing written)");
        timeout.addProperty("exclusiveMinimum", 0);
        timeout.addProperty("maximum", 31_536_000);
        properties.add("timeout", timeout);
        properties.add("isolate", typed("boolean", "run each run in a child JVM that the workbench can always kill"));
        properties.add("pointPlots", typed("boolean", "draw each sweep point's own plots (default: when the sweep "
                + "has at most " + org.workbench.engine.descriptor.Descriptor.POINT_PLOTS_LIMIT + " points); the sweep's "
                + "plots are drawn either way"));
        properties.add("executor", executor(entries));
        JsonObject origin = typed("string", "which bundles may provide the components: built-in (the distribution's own,"
                + " as the homework descriptors say) or any (the default; third-party code is then marked)");
        com.google.gson.JsonArray origins = new com.google.gson.JsonArray();
        origins.add(org.workbench.engine.descriptor.Origins.BUILT_IN);
        origins.add(org.workbench.engine.descriptor.Origins.ANY);
        origin.add("enum", origins);
        properties.add(org.workbench.engine.descriptor.Origins.KEY, origin);
        JsonObject swaps = typed("array", "the hot swaps a run made, recorded in its effective descriptor: a rerun "
                + "replays them (docs/plugin-authors.md)");
        JsonObject step = new JsonObject();
        step.addProperty("type", "object");
        JsonObject stepProperties = new JsonObject();
        stepProperties.add("role", typed("string", "the role swapped"));
        stepProperties.add("version", typed("string", "the exact version swapped in"));
        stepProperties.add("at", typed("string", "the task's safe point, e.g. epoch 5"));
        stepProperties.add("check", typed("integer", "the how-many-th request for a newer component of the role"));
        stepProperties.add("point", typed("integer", "the sweep point's index"));
        step.add("properties", stepProperties);
        com.google.gson.JsonArray required = new com.google.gson.JsonArray();
        required.add("role");
        required.add("version");
        required.add("check");
        step.add("required", required);
        step.addProperty("additionalProperties", false);
        swaps.add("items", step);
        properties.add("swaps", swaps);
        schema.add("properties", properties);

        JsonArray byTask = new JsonArray();
        Map<String, List<ProviderEntry>> taskVersions = new LinkedHashMap<>();
        tasks.forEach(t -> taskVersions.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t));
        taskVersions.forEach((taskName, versions) -> {
            ProviderEntry newest = versions.get(versions.size() - 1);
            String components = "task." + taskName + ".components";
            defs.add(components, roles(taskName, ((TaskProvider) newest.provider()).roles(), entries));
            JsonObject condition = new JsonObject();
            JsonObject conditionProperties = new JsonObject();
            JsonObject taskIs = new JsonObject();
            JsonObject taskIsProperties = new JsonObject();
            JsonObject useIs = new JsonObject();
            useIs.addProperty("const", taskName);
            taskIsProperties.add("use", useIs);
            taskIs.add("required", strings("use"));
            taskIs.add("properties", taskIsProperties);
            conditionProperties.add("task", taskIs);
            condition.add("required", strings("task"));
            condition.add("properties", conditionProperties);
            JsonObject then = new JsonObject();
            JsonObject thenProperties = new JsonObject();
            JsonObject taskWith = new JsonObject();
            JsonObject taskWithProperties = new JsonObject();
            taskWithProperties.add("with", with(newest.provider().parameters()));
            taskWith.add("properties", taskWithProperties);
            thenProperties.add("task", taskWith);
            thenProperties.add("components", ref(components));
            then.add("properties", thenProperties);
            boolean needsComponents = ((TaskProvider) newest.provider()).roles().stream().anyMatch(DescriptorSchema::required);
            if (needsComponents) {
                then.add("required", strings("components"));
            }
            JsonObject rule = new JsonObject();
            rule.add("if", condition);
            rule.add("then", then);
            byTask.add(rule);
        });
        schema.add("allOf", byTask);
        schema.add("$defs", defs);
        return schema;
    }

    private static boolean required(Role<?> role) {
        return role.cardinality() == Role.Cardinality.ONE || role.cardinality() == Role.Cardinality.LIST;
    }

    /** The {@code components} object of a task: its roles, each open to the providers of its kind and type. */
    private static JsonObject roles(String task, List<Role<?>> roles, List<ProviderEntry> entries) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "object");
        o.addProperty("description", "the roles of task '" + task + "'");
        JsonObject properties = new JsonObject();
        List<String> required = new ArrayList<>();
        for (Role<?> role : roles) {
            JsonArray fitting = new JsonArray();
            entries.stream().filter(e -> e.kind().equals(role.kind()) && fits(e, role)).map(e -> e.kind() + "." + e.name())
                    .distinct().forEach(k -> fitting.add(ref(k)));
            JsonObject one = new JsonObject();
            one.add("anyOf", fitting);
            String words = role.kind() + (role.typed() ? " (" + role.type().getName() + ")" : "");
            JsonObject slot;
            if (role.cardinality() == Role.Cardinality.LIST) {
                slot = typed("array", "an array of " + words + " components");
                slot.addProperty("minItems", 1);
                slot.add("items", one);
            } else {
                slot = one;
                slot.addProperty("description", "a " + words + (role.cardinality() == Role.Cardinality.OPTIONAL
                        ? ", optional" + (role.defaultUse() == null ? "" : " (default '" + role.defaultUse() + "')")
                        : ""));
            }
            properties.add(role.name(), slot);
            if (required(role)) {
                required.add(role.name());
            }
        }
        o.add("properties", properties);
        o.add("required", strings(required.toArray(String[]::new)));
        o.addProperty("additionalProperties", false);
        return o;
    }

    private static boolean fits(ProviderEntry e, Role<?> role) {
        try {
            return role.accepts(e.provider().type());
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** A component object naming one provider (any of its installed versions). */
    private static JsonObject provider(List<ProviderEntry> versions) {
        ProviderEntry newest = versions.get(versions.size() - 1);
        JsonObject o = typed("object", newest.kind() + " '" + newest.name() + "'"
                + (newest.summary().isEmpty() ? "" : ": " + newest.summary()) + " (installed: "
                + String.join(", ", versions.stream().map(v -> v.version().toString()).toList()) + ")");
        o.add("required", strings("use"));
        JsonObject properties = new JsonObject();
        JsonObject use = new JsonObject();
        use.addProperty("const", newest.name());
        properties.add("use", use);
        properties.add("version", ref("versionRange"));
        List<JsonObject> withs = new ArrayList<>();
        for (ProviderEntry v : versions) {
            JsonObject w = with(v.provider().parameters());
            if (!withs.contains(w)) {
                withs.add(w);
            }
        }
        if (withs.size() == 1) {
            properties.add("with", withs.get(0));
        } else {
            JsonObject any = new JsonObject();
            JsonArray options = new JsonArray();
            withs.forEach(options::add);
            any.add("anyOf", options);
            properties.add("with", any);
        }
        o.add("properties", properties);
        o.addProperty("additionalProperties", false);
        return o;
    }

    /**
     * A {@code with} object of declared parameters. Required parameters are not marked
     * {@code required}: a sweep may give them instead.
     */
    static JsonObject with(List<Parameter> parameters) {
        JsonObject o = typed("object", parameters.isEmpty() ? "takes no parameters" : "parameters");
        JsonObject properties = new JsonObject();
        for (Parameter p : parameters) {
            properties.add(p.name(), parameter(p));
        }
        o.add("properties", properties);
        o.addProperty("additionalProperties", false);
        return o;
    }

    static JsonObject parameter(Parameter p) {
        JsonObject o = switch (p.type()) {
            case NUMBER -> bounded("number", p);
            case INTEGER -> bounded("integer", p);
            case BOOLEAN -> typed("boolean", null);
            case STRING -> {
                JsonObject s = typed("string", null);
                if (!p.choices().isEmpty()) {
                    s.add("enum", strings(p.choices().toArray(String[]::new)));
                }
                yield s;
            }
            case PATH -> typed("string", null);
            case VECTOR -> array(bounded("number", p));
            case NUMBER_OR_VECTOR -> anyOf(bounded("number", p), array(bounded("number", p)));
            case MATRIX -> array(array(bounded("number", p)));
            case VECTOR_OR_MATRIX -> anyOf(array(bounded("number", p)), array(array(bounded("number", p))));
            case NAMED_MATRICES -> {
                JsonObject m = typed("object", null);
                m.add("additionalProperties", anyOf(array(array(bounded("number", p))), array(bounded("number", p))));
                yield m;
            }
        };
        String range = p.rangeText();
        o.addProperty("description", p.description() + " (" + p.type().description()
                + (range.isEmpty() ? "" : ", " + range) + (p.required() && p.defaultValue() == null ? ", required" : "")
                + ")");
        if (p.defaultValue() != null) {
            o.add("default", JsonValues.value(p.defaultValue() instanceof java.nio.file.Path path ? path.toString()
                    : p.defaultValue()));
        }
        return o;
    }

    private static JsonObject bounded(String type, Parameter p) {
        JsonObject o = typed(type, null);
        if (Double.isFinite(p.min())) {
            o.addProperty(p.minExclusive() ? "exclusiveMinimum" : "minimum", number(p.min()));
        }
        if (Double.isFinite(p.max())) {
            o.addProperty(p.maxExclusive() ? "exclusiveMaximum" : "maximum", number(p.max()));
        }
        return o;
    }

    private static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    private static JsonObject versionRange() {
        JsonObject o = typed("string", "an OSGi version range such as \"[1.0,2.0)\", or \"1.1\" for 1.1 or later; the"
                + " highest installed version inside it runs");
        o.addProperty("pattern", "^\\s*([\\[(]\\s*\\d+(\\.\\d+){0,2}(\\.[\\w-]+)?\\s*,\\s*\\d+(\\.\\d+){0,2}(\\.[\\w-]+)?"
                + "\\s*[\\])]|\\d+(\\.\\d+){0,2}(\\.[\\w-]+)?)\\s*$");
        return o;
    }

    private static JsonObject plot() {
        JsonObject o = typed("object", "a plot of result keys (y) against a sweep key (x)");
        o.add("required", strings("name", "x", "y"));
        JsonObject properties = new JsonObject();
        JsonObject name = typed("string", "the plot's file name, without extension");
        name.addProperty("pattern", NAME_PATTERN);
        properties.add("name", name);
        properties.add("title", typed("string", null));
        properties.add("x", typed("string", "a sweep key, results.KEY (a result of each point), or LIST.FIELD (one curve per point)"));
        JsonObject keys = array(typed("string", null));
        keys.addProperty("minItems", 1);
        properties.add("y", anyOf(typed("string", null), keys));
        properties.add("logX", typed("boolean", null));
        properties.add("logY", typed("boolean", null));
        properties.add("xLabel", typed("string", "the x axis title (default: a readable form of x)"));
        properties.add("yLabel", typed("string", "the y axis title (default: what the readable forms of y share)"));
        properties.add("labels", array(typed("string", "one legend label per key of y, in order")));
        o.add("properties", properties);
        o.addProperty("additionalProperties", false);
        return o;
    }

    /** Where the points run: an executor provider and its parameters (the command line's --executor wins). */
    private static JsonObject executor(List<ProviderEntry> entries) {
        JsonObject executor = typed("object", "where the points run (default: this machine's cores)");
        JsonObject use = new JsonObject();
        use.add("enum", strings(entries.stream().filter(e -> e.kind().equals(Kinds.EXECUTOR)).map(ProviderEntry::name)
                .distinct().toArray(String[]::new)));
        JsonObject p = new JsonObject();
        p.add("use", use);
        p.add("with", typed("object", "the executor's parameters, e.g. cluster and join"));
        executor.add("properties", p);
        executor.add("required", strings("use"));
        executor.addProperty("additionalProperties", false);
        return executor;
    }

    private static JsonObject typed(String type, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        if (description != null) {
            o.addProperty("description", description);
        }
        return o;
    }

    private static JsonObject array(JsonObject items) {
        JsonObject o = typed("array", null);
        o.add("items", items);
        return o;
    }

    private static JsonObject anyOf(JsonObject a, JsonObject b) {
        JsonObject o = new JsonObject();
        JsonArray options = new JsonArray();
        options.add(a);
        options.add(b);
        o.add("anyOf", options);
        return o;
    }

    private static JsonObject ref(String def) {
        JsonObject o = new JsonObject();
        o.addProperty("$ref", "#/$defs/" + def);
        return o;
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}

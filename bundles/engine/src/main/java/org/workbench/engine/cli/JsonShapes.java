package org.workbench.engine.cli;

import java.util.List;

import org.workbench.api.Parameter;
import org.workbench.api.Role;
import org.workbench.api.TaskProvider;
import org.workbench.engine.catalog.DeclaredParameters;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.input.PluginFault;
import org.workbench.engine.output.JsonValues;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The {@code --json} answers of {@code list}, {@code describe}, {@code validate} and {@code run}, one
 * JSON document on standard output each, in the shapes docs/run-store.md documents (messages for
 * people stay on standard error).
 */
final class JsonShapes {
    private JsonShapes() {
    }

    static String print(JsonElement e) {
        return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(e);
    }

    /** {@code list --json}: {"providers": [{kind, name, version, bundle, bundleId, summary, available}], "plugins": [line]}. */
    static JsonObject list(List<ProviderEntry> entries, List<String> pluginLines) {
        JsonObject root = new JsonObject();
        JsonArray providers = new JsonArray();
        for (ProviderEntry e : entries) {
            providers.add(entry(e));
        }
        root.add("providers", providers);
        JsonArray plugins = new JsonArray();
        pluginLines.forEach(plugins::add);
        root.add("plugins", plugins);
        return root;
    }

    private static JsonObject entry(ProviderEntry e) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", e.kind());
        o.addProperty("name", e.name());
        o.addProperty("version", e.version().toString());
        o.addProperty("bundle", e.bundle());
        o.addProperty("bundleId", e.bundleId());
        o.addProperty("summary", e.summary());
        o.addProperty("available", e.available());
        return o;
    }

    /**
     * {@code describe --json}: {"providers": [{kind, name, version, bundle, ..., "roles": [{name, kind, cardinality,
     * default}] (tasks), "resultKeys": [key] (tasks), "parameters": [{name, type, required, default, range, choices,
     * description}], "problem": text or null}]}.
     */
    static JsonObject describe(List<ProviderEntry> matching, java.util.function.Function<ProviderEntry, String> failure) {
        JsonArray providers = new JsonArray();
        for (ProviderEntry e : matching) {
            JsonObject o = entry(e);
            String problem = e.available() ? null : failure.apply(e);
            if (e.available() && e.provider() instanceof TaskProvider task) {
                JsonArray roles = new JsonArray();
                for (Role<?> r : task.roles()) {
                    JsonObject role = new JsonObject();
                    role.addProperty("name", r.name());
                    role.addProperty("kind", r.kind());
                    role.addProperty("cardinality", r.cardinality().name().toLowerCase(java.util.Locale.ROOT));
                    role.addProperty("default", r.defaultUse());
                    roles.add(role);
                }
                o.add("roles", roles);
                JsonArray keys = new JsonArray();
                task.resultKeys().forEach(keys::add);
                o.add("resultKeys", keys);
            }
            JsonArray parameters = new JsonArray();
            if (e.available()) {
                try {
                    for (Parameter p : DeclaredParameters.of(e, null)) {
                        JsonObject q = new JsonObject();
                        q.addProperty("name", p.name());
                        q.addProperty("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
                        q.addProperty("required", p.required());
                        q.add("default", p.defaultValue() == null ? null : JsonValues.value(p.defaultValue()));
                        q.addProperty("range", p.rangeText().isEmpty() ? null : p.rangeText());
                        JsonArray choices = new JsonArray();
                        p.choices().forEach(choices::add);
                        q.add("choices", choices);
                        q.addProperty("description", p.description());
                        parameters.add(q);
                    }
                } catch (PluginFault fault) {
                    problem = fault.report();
                }
            }
            o.add("parameters", parameters);
            o.addProperty("problem", problem);
            providers.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("providers", providers);
        return root;
    }

    /**
     * One entry of the "descriptors" array of {@code validate --json} (which adds task and runs) and
     * {@code run --json} (which adds result): {file, status, message, notes}.
     */
    static JsonObject outcome(String file, int status, String message, List<String> notes) {
        JsonObject o = new JsonObject();
        o.addProperty("file", file);
        o.addProperty("status", status);
        o.addProperty("message", message);
        JsonArray n = new JsonArray();
        notes.forEach(n::add);
        o.add("notes", n);
        return o;
    }

    /** {"status": worst, "descriptors": [...]}. */
    static JsonObject outcomes(int status, JsonArray descriptors) {
        JsonObject root = new JsonObject();
        root.addProperty("status", status);
        root.add("descriptors", descriptors);
        return root;
    }
}

package org.workbench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * A descriptor's parameters as the Run form offers them: each {@code with} value of the task and
 * of every component (list roles by index, {@code network.0.with.out}), and the top-level
 * {@code seed}, each as the {@code PATH=VALUE} override that sets it to its current value.
 */
final class DescriptorParameters {
    /** One parameter: the override path, its current value as an override writes it, and the line. */
    record Parameter(String path, String value) {
        String line() {
            return path + "=" + value;
        }
    }

    private static final com.google.gson.Gson PLAIN = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

    private DescriptorParameters() {
    }

    static List<Parameter> of(JsonObject descriptor) {
        List<Parameter> out = new ArrayList<>();
        JsonElement seed = descriptor.get("seed");
        if (seed != null && seed.isJsonPrimitive()) {
            out.add(new Parameter("seed", value(seed)));
        }
        JsonElement task = descriptor.get("task");
        if (task != null && task.isJsonObject()) {
            with("task", task.getAsJsonObject(), out);
        }
        JsonElement components = descriptor.get("components");
        if (components != null && components.isJsonObject()) {
            for (Map.Entry<String, JsonElement> role : components.getAsJsonObject().entrySet()) {
                if (role.getValue().isJsonObject()) {
                    with(role.getKey(), role.getValue().getAsJsonObject(), out);
                } else if (role.getValue().isJsonArray()) {
                    int i = 0;
                    for (JsonElement element : role.getValue().getAsJsonArray()) {
                        if (element.isJsonObject()) {
                            with(role.getKey() + "." + i, element.getAsJsonObject(), out);
                        }
                        i++;
                    }
                }
            }
        }
        return out;
    }

    private static void with(String prefix, JsonObject component, List<Parameter> out) {
        JsonElement with = component.get("with");
        if (with == null || !with.isJsonObject()) {
            return;
        }
        for (Map.Entry<String, JsonElement> p : with.getAsJsonObject().entrySet()) {
            out.add(new Parameter(prefix + ".with." + p.getKey(), value(p.getValue())));
        }
    }

    /**
     * The value as {@code --set} reads it back: JSON, except that a plain string is written bare
     * when reading it bare gives the same string (not a number, a boolean, a list, or a comma list).
     */
    static String value(JsonElement v) {
        if (v instanceof JsonPrimitive p && p.isString()) {
            String s = p.getAsString();
            if (!s.isEmpty() && !s.contains(",") && !s.contains("\n") && !parsesAsOtherJson(s)) {
                return s;
            }
        }
        return PLAIN.toJson(v);
    }

    private static boolean parsesAsOtherJson(String s) {
        try {
            JsonElement e = JsonParser.parseString(s);
            return !(e instanceof JsonPrimitive p && p.isString() && !s.strip().startsWith("\""));
        } catch (RuntimeException e) {
            return false;
        }
    }
}

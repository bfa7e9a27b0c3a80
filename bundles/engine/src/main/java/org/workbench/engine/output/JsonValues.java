package org.workbench.engine.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.workbench.api.Parameters;
import org.workbench.api.ResultTree;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Converts result trees and parameter values to JSON. Non-finite numbers become {@code null}. */
public final class JsonValues {
    private JsonValues() {
    }

    public static JsonObject tree(ResultTree tree) {
        JsonObject o = new JsonObject();
        tree.entries().forEach((k, v) -> o.add(k, value(v)));
        return o;
    }

    public static JsonObject parameters(Parameters parameters) {
        JsonObject o = new JsonObject();
        parameters.asMap().forEach((k, v) -> o.add(k, value(v)));
        return o;
    }

    /** Any value a result tree or a parameter can hold. */
    public static JsonElement value(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof ResultTree t) {
            return tree(t);
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (v instanceof Path p) {
            return new JsonPrimitive(p.toString());
        }
        if (v instanceof double[] a) {
            JsonArray arr = new JsonArray(a.length);
            for (double x : a) {
                arr.add(Double.isFinite(x) ? new JsonPrimitive(x) : JsonNull.INSTANCE);
            }
            return arr;
        }
        if (v instanceof double[][] m) {
            JsonArray arr = new JsonArray(m.length);
            for (double[] row : m) {
                arr.add(value(row));
            }
            return arr;
        }
        if (v instanceof List<?> list) {
            JsonArray arr = new JsonArray(list.size());
            list.forEach(x -> arr.add(value(x)));
            return arr;
        }
        if (v instanceof Map<?, ?> map) {
            JsonObject o = new JsonObject();
            map.forEach((k, x) -> o.add(String.valueOf(k), value(x)));
            return o;
        }
        return new JsonPrimitive(v.toString());
    }
}

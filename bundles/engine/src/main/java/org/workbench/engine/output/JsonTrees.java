package org.workbench.engine.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workbench.api.ResultTree;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads a result tree back from the JSON that {@link JsonValues#tree} wrote, so that a tree that
 * travelled (from a cluster member, or from a finished point kept for a resume) writes the same
 * JSON again. Numbers keep their kind: a literal with a decimal point or exponent is a double (as
 * Java writes every double), any other an integer; arrays of numbers are vectors, arrays of arrays
 * matrices, arrays of objects lists of sub-trees, other arrays lists.
 */
public final class JsonTrees {
    private JsonTrees() {
    }

    public static ResultTree tree(JsonObject o) {
        ResultTree t = new ResultTree();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String key = e.getKey();
            JsonElement v = e.getValue();
            if (v.isJsonNull()) {
                JsonElement reason = o.get(key + ResultTree.REASON_SUFFIX);
                t.undefined(key, reason != null && reason.isJsonPrimitive() ? reason.getAsString() : "undefined");
            } else if (v.isJsonObject()) {
                t.put(key, tree(v.getAsJsonObject()));
            } else if (v.isJsonArray()) {
                array(t, key, v.getAsJsonArray());
            } else {
                JsonPrimitive p = v.getAsJsonPrimitive();
                if (p.isBoolean()) {
                    t.put(key, p.getAsBoolean());
                } else if (p.isString()) {
                    t.put(key, p.getAsString());
                } else if (isDouble(p)) {
                    t.put(key, p.getAsDouble());
                } else {
                    t.put(key, p.getAsLong());
                }
            }
        }
        return t;
    }

    private static void array(ResultTree t, String key, JsonArray a) {
        if (a.isEmpty()) {
            t.put(key, new double[0]);
            return;
        }
        JsonElement first = a.get(0);
        if (first.isJsonObject()) {
            List<ResultTree> items = new ArrayList<>();
            a.forEach(x -> items.add(tree(x.getAsJsonObject())));
            items.forEach(item -> t.append(key, item));
        } else if (first.isJsonArray()) {
            double[][] m = new double[a.size()][];
            for (int i = 0; i < m.length; i++) {
                m[i] = numbers(a.get(i).getAsJsonArray());
            }
            t.put(key, m);
        } else if (first.isJsonPrimitive() && first.getAsJsonPrimitive().isNumber() && anyDouble(a)) {
            t.put(key, numbers(a));
        } else {
            List<Object> list = new ArrayList<>();
            for (JsonElement x : a) {
                JsonPrimitive p = x.getAsJsonPrimitive();
                list.add(p.isNumber() ? (Object) p.getAsLong() : p.isBoolean() ? (Object) p.getAsBoolean() : p.getAsString());
            }
            t.putList(key, list);
        }
    }

    private static boolean anyDouble(JsonArray a) {
        for (JsonElement x : a) {
            if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber() && isDouble(x.getAsJsonPrimitive())) {
                return true;
            }
        }
        return false;
    }

    private static double[] numbers(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    private static boolean isDouble(JsonPrimitive p) {
        String s = p.getAsNumber().toString();
        return s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0 || s.equals("NaN")
                || s.contains("Infinity");
    }
}

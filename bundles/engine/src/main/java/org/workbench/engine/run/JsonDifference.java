package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Names where two JSON documents differ, as JSON paths with both values. */
final class JsonDifference {
    private JsonDifference() {
    }

    /** Up to {@code limit} differences, e.g. {@code $.components.prior.with.scale: 0.5 then, 0.7 now}. */
    static List<String> between(JsonElement then, JsonElement now, int limit) {
        List<String> out = new ArrayList<>();
        walk("$", then, now, out, limit);
        return out;
    }

    private static void walk(String path, JsonElement a, JsonElement b, List<String> out, int limit) {
        if (out.size() >= limit || (a == null ? b == null : a.equals(b))) {
            return;
        }
        if (a != null && b != null && a.isJsonObject() && b.isJsonObject()) {
            JsonObject x = a.getAsJsonObject();
            JsonObject y = b.getAsJsonObject();
            TreeSet<String> keys = new TreeSet<>(x.keySet());
            keys.addAll(y.keySet());
            for (String k : keys) {
                walk(path + "." + k, x.get(k), y.get(k), out, limit);
            }
            return;
        }
        if (a != null && b != null && a.isJsonArray() && b.isJsonArray() && a.getAsJsonArray().size() == b.getAsJsonArray().size()) {
            JsonArray x = a.getAsJsonArray();
            JsonArray y = b.getAsJsonArray();
            for (int i = 0; i < x.size(); i++) {
                walk(path + "[" + i + "]", x.get(i), y.get(i), out, limit);
            }
            return;
        }
        out.add(path + ": " + (a == null ? "absent" : a.toString()) + " then, " + (b == null ? "absent" : b.toString())
                + " now");
    }
}

package org.workbench.engine.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A {@link Swap} as JSON, the same shape wherever it is kept: in a point's record (what a member
 * sends back and a resume reads) and in a checkpoint's record.
 */
final class SwapJson {
    private SwapJson() {
    }

    static JsonObject write(Swap s) {
        JsonObject j = new JsonObject();
        j.addProperty("atMs", s.atMs());
        j.addProperty("role", s.role());
        j.addProperty("fromBundle", s.fromBundle());
        j.addProperty("fromVersion", s.fromVersion());
        j.addProperty("toBundle", s.toBundle());
        j.addProperty("toVersion", s.toVersion());
        j.addProperty("costMicros", s.costMicros());
        j.addProperty("name", s.name());
        if (s.at() != null) {
            j.addProperty("at", s.at());
        }
        j.addProperty("check", s.check());
        j.add("parameters", s.parameters());
        return j;
    }

    static Swap read(JsonObject j) {
        return new Swap(j.get("atMs").getAsLong(), j.get("role").getAsString(), j.get("fromBundle").getAsString(),
                j.get("fromVersion").getAsString(), j.get("toBundle").getAsString(), j.get("toVersion").getAsString(),
                j.get("costMicros").getAsLong(), text(j, "name"), text(j, "at"),
                j.has("check") ? j.get("check").getAsInt() : 1,
                j.has("parameters") ? j.getAsJsonObject("parameters") : new JsonObject());
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}

package org.workbench.web;

import java.util.Map;

import org.workbench.api.result.ResultLayout;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;

/**
 * The layout a run's {@code result.json} declares (its task's charts, tables and kept draws, the API's
 * read model), so that the pages render any task's results from the declaration. A run without one, or
 * with one no reader can follow (written by hand), is shown as keys and values.
 */
final class Layouts {
    private static final Gson GSON = new Gson();

    private Layouts() {
    }

    static ResultLayout of(JsonObject doc) {
        JsonElement layout = doc.get(ResultLayout.KEY);
        if (layout == null || !layout.isJsonObject()) {
            return ResultLayout.NONE;
        }
        try {
            Map<String, Object> tree = GSON.fromJson(layout, new TypeToken<Map<String, Object>>() { }.getType());
            return ResultLayout.fromJson(tree);
        } catch (IllegalArgumentException malformed) {
            return ResultLayout.NONE;
        }
    }
}

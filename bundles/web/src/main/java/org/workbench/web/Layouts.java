package org.workbench.web;

import java.util.List;
import java.util.Map;

import org.workbench.api.result.Chart;
import org.workbench.api.result.ResultLayout;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;

/**
 * The layout a run's {@code result.json} declares (its task's charts, tables and kept draws, the API's
 * read model), so that the pages render any task's results from the declaration. A run without one is
 * charted from its series ({@link #charts}); one with a layout no reader can follow (written by hand)
 * is shown as keys and values.
 */
final class Layouts {
    private static final Gson GSON = new Gson();

    private Layouts() {
    }

    /**
     * The charts of the run: those its layout declares or, when its {@code result.json} has no
     * {@code layout} key at all (a run written before the key, a task that declares none), those
     * {@link InferredCharts} reads from its results' series. A layout no reader can follow gives none.
     */
    static List<Chart> charts(JsonObject doc) {
        return doc.has(ResultLayout.KEY) ? of(doc).charts() : InferredCharts.of(doc.get("results"));
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

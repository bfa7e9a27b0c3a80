package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workbench.engine.descriptor.SweepAxis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code provenance.sharedStreams} of a sweep: for the task and every component, the sweep keys
 * along which its random stream was shared (the points that differ only in that key gave it the
 * same seed), read from the seeds the points recorded. A sweep over {@code task.lambda} shows
 * {@code "data": ["task.lambda"]}: one data set for every lambda; an empty list means a fresh
 * stream at every point.
 */
final class SharedStreams {
    private SharedStreams() {
    }

    static JsonObject of(List<SweepAxis> axes, List<PointOutcome> outcomes) {
        Set<String> labels = new LinkedHashSet<>();
        outcomes.forEach(o -> labels.addAll(o.seeds().keySet()));
        JsonObject out = new JsonObject();
        for (String label : labels) {
            JsonArray keys = new JsonArray();
            for (SweepAxis axis : axes) {
                if (axis.values().size() > 1 && sharedAlong(axis.key(), label, outcomes)) {
                    keys.add(axis.key());
                }
            }
            out.add(label, keys);
        }
        return out;
    }

    /** Whether every group of points that differ only in {@code key} gave {@code label} one seed. */
    private static boolean sharedAlong(String key, String label, List<PointOutcome> outcomes) {
        Map<String, Long> seedOfGroup = new HashMap<>();
        boolean compared = false;
        for (PointOutcome o : outcomes) {
            Long seed = o.seeds().get(label);
            if (seed == null) {
                continue;
            }
            List<String> rest = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : o.point().set().entrySet()) {
                if (!e.getKey().equals(key)) {
                    rest.add(e.getKey() + "=" + e.getValue());
                }
            }
            Long before = seedOfGroup.putIfAbsent(String.join("\u0000", rest), seed);
            if (before != null) {
                if (!before.equals(seed)) {
                    return false;
                }
                compared = true;
            }
        }
        return compared;
    }
}

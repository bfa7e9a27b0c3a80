package org.workbench.engine.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.workbench.engine.descriptor.SweepAxis;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * For every sweep axis, where each of its values first occurs along it (the position that
 * {@code values.indexOf(value)} finds), found once per plan in time linear in the axis's length.
 * A point's random streams are those of the first point with its values ({@link PointComponents}):
 * looking each value up by a scan of its axis made a sweep of n points cost n^2 comparisons.
 */
final class SweepPositions {
    private final int[][] first;
    private final int[] sizes;

    private SweepPositions(int[][] first, int[] sizes) {
        this.first = first;
        this.sizes = sizes;
    }

    static SweepPositions of(List<SweepAxis> axes) {
        int[][] first = new int[axes.size()][];
        int[] sizes = new int[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            List<JsonElement> values = axes.get(a).values();
            sizes[a] = values.size();
            first[a] = firstOccurrences(values);
        }
        return new SweepPositions(first, sizes);
    }

    /** For each position, the first position holding an equal value ({@link JsonElement#equals}). */
    static int[] firstOccurrences(List<JsonElement> values) {
        int[] first = new int[values.size()];
        // values that may be equal share a bucket; within it, equals decides
        Map<Object, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            JsonElement v = values.get(i);
            List<Integer> bucket = buckets.computeIfAbsent(bucket(v), k -> new ArrayList<>(1));
            int found = i;
            for (int j : bucket) {
                if (v.equals(values.get(j))) {
                    found = j;
                    break;
                }
            }
            if (found == i) {
                bucket.add(i);
            }
            first[i] = found;
        }
        return first;
    }

    /**
     * A key that equal values share: numbers that Gson calls equal have equal double values (0 and
     * -0 alike), strings and booleans are equal only to themselves, and arrays and objects share one
     * bucket (their equality ignores the order of an object's members).
     */
    private static Object bucket(JsonElement v) {
        if (v instanceof JsonPrimitive p) {
            if (p.isNumber()) {
                double d = p.getAsDouble();
                return d == 0 ? 0.0 : d;
            }
            return (p.isString() ? "s:" : "b:") + p.getAsString();
        }
        return v == null || v.isJsonNull() ? "null" : "composite";
    }

    /**
     * The position along axis {@code axis} where the value of the point at Cartesian index
     * {@code index} first occurs.
     */
    int firstAt(int index, int axis) {
        int rest = index;
        for (int a = sizes.length - 1; a > axis; a--) {
            rest /= sizes[a];
        }
        return first[axis][rest % sizes[axis]];
    }
}

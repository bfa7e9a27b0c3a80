package org.workbench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leaves out of a chart the points its logarithmic axes cannot show, as the engine does for the
 * run's PNG and SVG: an x that is zero, negative or missing on a log x axis drops the point from
 * every series; a y that is zero or negative on a log y axis drops it from its series. The chart
 * gets a {@code note} per axis in the engine's words ("1 point at x = 0 left out: the x axis is
 * logarithmic") and its axis title says so ("n (log scale; 0 left out)"), so that a sweep over n
 * starting at 0 draws every other point instead of an empty chart.
 */
final class LogAxes {
    private LogAxes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> leaveOut(Map<String, Object> chart) {
        List<String> notes = new ArrayList<>();
        List<Double> x = (List<Double>) chart.get("x");
        List<Map<String, Object>> series = (List<Map<String, Object>>) chart.get("series");
        if (Boolean.TRUE.equals(chart.get("logX"))) {
            int dropped = 0;
            boolean allZero = true;
            for (int i = x.size() - 1; i >= 0; i--) {
                Double v = x.get(i);
                if (v == null || !(v > 0) || v.isInfinite()) {
                    dropped++;
                    allZero &= v != null && v == 0;
                    x.remove(i);
                    for (Map<String, Object> s : series) {
                        for (String k : List.of("y", "lo", "hi")) {
                            if (s.get(k) instanceof List<?> values) {
                                values.remove(i);
                            }
                        }
                    }
                }
            }
            note(chart, "xLabel", "x", dropped, allZero, notes);
        }
        if (Boolean.TRUE.equals(chart.get("logY"))) {
            int dropped = 0;
            boolean allZero = true;
            for (Map<String, Object> s : series) {
                List<Double> y = (List<Double>) s.get("y");
                for (int i = 0; i < y.size(); i++) {
                    Double v = y.get(i);
                    if (v != null && !(v > 0)) {
                        dropped++;
                        allZero &= v == 0;
                        y.set(i, null);
                    }
                }
            }
            note(chart, "yLabel", "y", dropped, allZero, notes);
        }
        series.removeIf(s -> ((List<?>) s.get("y")).stream().allMatch(v -> v == null));
        if (!notes.isEmpty()) {
            chart.put("note", String.join("; ", notes));
        }
        return chart;
    }

    private static void note(Map<String, Object> chart, String labelKey, String axis, int dropped, boolean allZero,
            List<String> notes) {
        if (dropped == 0) {
            return;
        }
        notes.add(dropped + (dropped == 1 ? " point" : " points") + (allZero ? " at " + axis + " = 0" : " with " + axis
                + " ≤ 0 or not finite") + " left out: the " + axis + " axis is logarithmic");
        chart.put(labelKey, chart.get(labelKey) + " (log scale; " + (allZero ? "0" : "values ≤ 0") + " left out)");
    }
}

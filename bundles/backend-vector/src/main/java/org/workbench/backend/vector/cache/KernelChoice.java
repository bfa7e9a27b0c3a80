package org.workbench.backend.vector.cache;

import java.util.Map;

/**
 * The kernel chosen for one shape class on one machine, and the timings it was chosen by.
 *
 * @param plan       the chosen plan, e.g. {@code 512b-12x2-t2}
 * @param micros     each candidate's best time in microseconds, by plan, fastest first
 * @param shape      the product the candidates were timed on, e.g. {@code 256x256x784}
 * @param measuredAt when, ISO-8601 UTC
 */
public record KernelChoice(String plan, Map<String, Double> micros, String shape, String measuredAt) {
    public KernelChoice {
        micros = Map.copyOf(micros);
    }

    /** The chosen plan's time in microseconds, or NaN when it was not timed (pinned or fallback). */
    public double chosenMicros() {
        Double t = micros.get(plan);
        return t == null ? Double.NaN : t;
    }
}

package org.workbench.engine.descriptor;

import java.util.List;

import com.google.gson.JsonElement;

/**
 * One axis of a sweep: {@code "data.n": [1, 10, 100]}, or the run's seed itself,
 * {@code "seed": [1, 2, 3]} (replications: each value is that point's seed).
 *
 * @param role      the role (or {@code task}) whose parameter varies; {@link #SEED} for the seed axis
 * @param parameter the parameter
 * @param values    the values, in order
 * @param jsonPath  where the axis stands, e.g. {@code $.sweep['data.n']}
 */
public record SweepAxis(String role, String parameter, List<JsonElement> values, String jsonPath) {
    /** The key of the seed axis. */
    public static final String SEED = "seed";

    public SweepAxis {
        values = List.copyOf(values);
    }

    /** The seed axis: every value is the seed of its points. */
    public static SweepAxis seed(List<JsonElement> values, String jsonPath) {
        return new SweepAxis(SEED, "", values, jsonPath);
    }

    /** Whether this is the seed axis. */
    public boolean isSeed() {
        return SEED.equals(role) && parameter.isEmpty();
    }

    /** The key as written: {@code role.parameter}, or {@code seed}. */
    public String key() {
        return isSeed() ? SEED : role + "." + parameter;
    }
}

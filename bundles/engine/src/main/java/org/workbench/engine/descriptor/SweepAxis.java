package org.workbench.engine.descriptor;

import java.util.List;

import com.google.gson.JsonElement;

/**
 * One axis of a sweep: {@code "data.n": [1, 10, 100]}.
 *
 * @param role      the role (or {@code task}) whose parameter varies
 * @param parameter the parameter
 * @param values    the values, in order
 * @param jsonPath  where the axis stands, e.g. {@code $.sweep['data.n']}
 */
public record SweepAxis(String role, String parameter, List<JsonElement> values, String jsonPath) {
    public SweepAxis {
        values = List.copyOf(values);
    }

    /** The key as written: {@code role.parameter}. */
    public String key() {
        return role + "." + parameter;
    }
}

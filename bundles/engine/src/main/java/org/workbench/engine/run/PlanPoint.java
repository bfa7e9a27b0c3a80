package org.workbench.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Parameters;

import com.google.gson.JsonElement;

/**
 * One run of a plan: a point of the sweep (the only point when there is no sweep).
 *
 * @param index          its position in the sweep's Cartesian product
 * @param set            the sweep values that define it, by sweep key (empty without a sweep)
 * @param seed           its seed
 * @param taskParameters the task's validated parameters at this point
 * @param parameters     each component's validated parameters at this point, by component label
 * @param components     the components whose provider this point's sweep values choose ({@code prior.use}),
 *                       by label; empty when the sweep keeps every role's provider
 */
public record PlanPoint(int index, Map<String, JsonElement> set, long seed, Parameters taskParameters,
        Map<String, Parameters> parameters, Map<String, ResolvedComponent> components) {
    private static final Class<?> UNMODIFIABLE = Collections.unmodifiableMap(Map.of()).getClass();

    public PlanPoint {
        // a sweep of 100,000 points holds 100,000 of each: the common small cases take no map of their own
        set = set.size() == 1 ? Collections.singletonMap(set.keySet().iterator().next(), set.values().iterator().next())
                : Collections.unmodifiableMap(new LinkedHashMap<>(set));
        // a map already unmodifiable is kept (the planner gives the points with the same parameters one map)
        parameters = parameters.getClass() == UNMODIFIABLE ? parameters
                : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        components = components.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** A point that runs the plan's own components. */
    public PlanPoint(int index, Map<String, JsonElement> set, long seed, Parameters taskParameters,
            Map<String, Parameters> parameters) {
        this(index, set, seed, taskParameters, parameters, Map.of());
    }

    /** The parameters of the component labelled {@code label}. */
    public Parameters parametersOf(String label) {
        return parameters.get(label);
    }

    /** Labels of the components, for iteration. */
    public List<String> labels() {
        return List.copyOf(parameters.keySet());
    }
}

package org.workbench.engine.run;

import java.util.List;
import java.util.Map;

import org.workbench.api.Role;
import org.workbench.api.TaskProvider;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.descriptor.Descriptor;

/**
 * A descriptor checked against the providers it names: every provider resolved, every parameter
 * of every sweep point validated. Nothing has run yet.
 *
 * @param descriptor the descriptor
 * @param task       the task's provider
 * @param roles      the task's roles
 * @param components the resolved components by role, in the task's role order
 * @param points     the runs, in sweep order
 * @param positions  where each sweep value first occurs along its axis
 */
public record Plan(Descriptor descriptor, ProviderEntry task, List<Role<?>> roles,
        Map<String, List<ResolvedComponent>> components, List<PlanPoint> points, SweepPositions positions) {

    /** The plan of these points, their values' positions along the sweep's axes found once. */
    public Plan(Descriptor descriptor, ProviderEntry task, List<Role<?>> roles,
            Map<String, List<ResolvedComponent>> components, List<PlanPoint> points) {
        this(descriptor, task, roles, components, points, SweepPositions.of(descriptor.sweep()));
    }

    public TaskProvider taskProvider() {
        return (TaskProvider) task.provider();
    }

    /** Whether the descriptor sweeps (results go under {@code points}). */
    public boolean swept() {
        return !descriptor.sweep().isEmpty();
    }

    /** Every resolved component, role by role (for a role whose provider is swept: the first point's). */
    public List<ResolvedComponent> allComponents() {
        return components.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Every component any point runs: {@link #allComponents()} and, where a sweep chooses a role's
     * provider ({@code prior.use}), each other provider once, in point order.
     */
    public List<ResolvedComponent> everyComponent() {
        java.util.LinkedHashMap<String, ResolvedComponent> out = new java.util.LinkedHashMap<>();
        allComponents().forEach(c -> out.put(c.label() + "|" + c.entry().label(), c));
        points.forEach(p -> p.components().values().forEach(c -> out.putIfAbsent(c.label() + "|" + c.entry().label(), c)));
        return List.copyOf(out.values());
    }
}

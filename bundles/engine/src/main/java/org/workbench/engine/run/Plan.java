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
 */
public record Plan(Descriptor descriptor, ProviderEntry task, List<Role<?>> roles,
        Map<String, List<ResolvedComponent>> components, List<PlanPoint> points) {

    public TaskProvider taskProvider() {
        return (TaskProvider) task.provider();
    }

    /** Whether the descriptor sweeps (results go under {@code points}). */
    public boolean swept() {
        return !descriptor.sweep().isEmpty();
    }

    /** Every resolved component, role by role. */
    public List<ResolvedComponent> allComponents() {
        return components.values().stream().flatMap(List::stream).toList();
    }
}

package org.workbench.engine.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workbench.api.Role;
import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.catalog.ProviderResolver;
import org.workbench.engine.descriptor.ComponentSpec;
import org.workbench.engine.descriptor.Descriptor;
import org.workbench.engine.descriptor.DescriptorParser;
import org.workbench.engine.descriptor.SweepAxis;
import org.workbench.engine.input.InvalidInputException;
import org.workbench.engine.input.Suggestions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The sweep axes that choose a role's provider ({@code prior.use}, {@code prior.version}, or whole
 * component objects {@code prior}): checks them against the task's roles and resolves, for each
 * sweep point, the component of every such role. A provider is resolved once per distinct name and
 * version range.
 */
final class ComponentAxes {
    private final Descriptor descriptor;
    private final ProviderResolver resolver;
    private final ProviderEntry task;
    private final Map<String, Role<?>> roles = new LinkedHashMap<>();
    private final Map<String, List<ResolvedComponent>> base;
    private final Map<String, ProviderEntry> resolved = new LinkedHashMap<>();

    ComponentAxes(Descriptor descriptor, ProviderResolver resolver, ProviderEntry task, List<Role<?>> roles,
            Map<String, List<ResolvedComponent>> base) {
        this.descriptor = descriptor;
        this.resolver = resolver;
        this.task = task;
        roles.forEach(r -> this.roles.put(r.name(), r));
        this.base = base;
    }

    /** Whether the descriptor sweeps any role's provider. */
    boolean any() {
        return descriptor.sweep().stream().anyMatch(SweepAxis::isComponent);
    }

    /** Whether {@code role}'s provider is swept. */
    boolean sweeps(String role) {
        return descriptor.sweep().stream().anyMatch(a -> a.isComponent() && a.role().equals(role));
    }

    /** The axis names a role of the task that holds a single component. */
    void check(SweepAxis axis) throws InvalidInputException {
        Role<?> role = roles.get(axis.role());
        if (role == null) {
            throw new InvalidInputException(descriptor.file(), axis.jsonPath(), task.label() + " has no role '"
                    + axis.role() + "'" + Suggestions.didYouMean(axis.role(), roles.keySet()) + "; its roles: "
                    + String.join(", ", roles.keySet()));
        }
        if (role.cardinality() == Role.Cardinality.LIST) {
            throw new InvalidInputException(descriptor.file(), axis.jsonPath(), "role '" + axis.role()
                    + "' holds a list of components; only a single component's provider can be swept");
        }
    }

    /**
     * The component of every role whose provider this point's values choose, by label: the
     * descriptor's entry for the role with the point's {@code use}, {@code version} or whole object
     * in place ({@code use} alone drops the descriptor's version range, which was the other provider's).
     */
    Map<String, ResolvedComponent> at(Map<String, JsonElement> set) throws InvalidInputException {
        Map<String, ComponentSpec> specs = new LinkedHashMap<>();
        for (SweepAxis axis : descriptor.sweep()) {
            if (!axis.isComponent()) {
                continue;
            }
            ComponentSpec spec = specs.computeIfAbsent(axis.role(), this::baseSpec);
            JsonElement value = set.get(axis.key());
            int index = axis.values().indexOf(value);
            String path = axis.jsonPath() + "[" + index + "]";
            if (axis.parameter().isEmpty()) {
                ComponentSpec whole = DescriptorParser.sweptComponent(descriptor.file(), value.getAsJsonObject(), path);
                spec = new ComponentSpec(whole.use(), whole.versionRange(), whole.with(), path);
            } else if (axis.parameter().equals(SweepAxis.USE)) {
                boolean versionSwept = set.containsKey(axis.role() + "." + SweepAxis.VERSION);
                spec = new ComponentSpec(value.getAsString(), versionSwept ? spec.versionRange() : null, spec.with(),
                        spec.jsonPath());
            } else {
                spec = new ComponentSpec(spec.use(), value.getAsString(), spec.with(), spec.jsonPath());
            }
            specs.put(axis.role(), spec);
        }
        Map<String, ResolvedComponent> out = new LinkedHashMap<>();
        for (Map.Entry<String, ComponentSpec> e : specs.entrySet()) {
            Role<?> role = roles.get(e.getKey());
            ComponentSpec spec = e.getValue();
            String key = spec.use() + "@" + spec.versionRange();
            ProviderEntry entry = resolved.get(key);
            if (entry == null) {
                entry = resolver.resolve(role.kind(), role.type(), "role '" + role.name() + "' of task '" + task.name()
                        + "'", spec.use(), spec.versionRange(), descriptor.file(), spec.jsonPath());
                resolved.put(key, entry);
            }
            out.put(role.name(), new ResolvedComponent(role.name(), 0, role.name(), entry, spec));
        }
        return out;
    }

    /** The descriptor's entry for the role, or an empty one naming no provider yet. */
    private ComponentSpec baseSpec(String role) {
        List<ResolvedComponent> given = base.get(role);
        if (given != null && given.size() == 1) {
            ComponentSpec s = given.get(0).spec();
            return new ComponentSpec(s.use(), s.versionRange(), s.with(), s.jsonPath());
        }
        return new ComponentSpec(null, null, new JsonObject(), "$.components." + role);
    }
}

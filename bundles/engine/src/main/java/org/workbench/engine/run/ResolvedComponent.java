package org.workbench.engine.run;

import org.workbench.engine.catalog.ProviderEntry;
import org.workbench.engine.descriptor.ComponentSpec;

/**
 * A component of the plan: the provider chosen for it and where it stands.
 *
 * @param role  the role, e.g. {@code prior} or {@code network}
 * @param index its index within a list role (0 for a single component)
 * @param label how provenance and messages name it: {@code prior} or {@code network[2]}
 * @param entry the chosen provider
 * @param spec  the descriptor's entry
 * @param choice for a component the engine put in an optional role that the descriptor left out,
 *               which default it took and why (recorded in provenance); {@code null} otherwise
 */
public record ResolvedComponent(String role, int index, String label, ProviderEntry entry, ComponentSpec spec,
        String choice) {
    /** A component the descriptor names. */
    public ResolvedComponent(String role, int index, String label, ProviderEntry entry, ComponentSpec spec) {
        this(role, index, label, entry, spec, null);
    }
}

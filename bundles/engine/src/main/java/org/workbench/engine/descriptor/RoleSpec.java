package org.workbench.engine.descriptor;

import java.util.List;

/**
 * What a descriptor puts in one role under {@code components}: one object, or an array of them.
 *
 * @param name       the role
 * @param list       whether the descriptor wrote an array
 * @param components the components, in order
 * @param jsonPath   where the role stands, e.g. {@code $.components.network}
 */
public record RoleSpec(String name, boolean list, List<ComponentSpec> components, String jsonPath) {
    public RoleSpec {
        components = List.copyOf(components);
    }
}

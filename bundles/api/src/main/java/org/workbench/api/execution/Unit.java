package org.workbench.api.execution;

import java.util.List;

/**
 * One unit of work as it travels: an id unique within a run, and JSON text that the engine of any
 * member turns into the same computation.
 *
 * @param id      e.g. {@code point/3} or {@code point/0/study/17}
 * @param payload the unit's JSON text (pinned descriptor, point, seed, fan-out)
 * @param bundles the exact bundles the unit needs
 */
public record Unit(String id, String payload, List<BundlePin> bundles) {
    public Unit {
        bundles = List.copyOf(bundles);
    }
}

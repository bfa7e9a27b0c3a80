package org.workbench.engine.catalog;

import java.util.List;

/** Where the engine finds providers: the OSGi service registry at runtime, a fixed list in tests. */
@FunctionalInterface
public interface ProviderSource {
    /** Every provider available now. */
    List<ProviderEntry> entries();

    /** The providers in the plugins folder that cannot be used, and why; none by default (tests). */
    default List<InactivePlugin> inactive() {
        return List.of();
    }

}

package org.workbench.engine.catalog;

import java.util.List;

/** Where the engine finds providers: the OSGi service registry at runtime, a fixed list in tests. */
@FunctionalInterface
public interface ProviderSource {
    /** Every provider available now. */
    List<ProviderEntry> entries();

    /**
     * Where {@code entry}'s bundle comes from. Read from the bundle's location and jar, never from
     * the provider object, so asking activates nothing. The default (a fixed list outside a
     * framework) counts every provider as built in.
     */
    default Origin origin(ProviderEntry entry) {
        return Origin.UNCHECKED;
    }

    /**
     * Why {@code entry}'s component could not be had when it was last asked for (it failed to
     * activate, or did not activate within the deadline), or {@code null} when nothing is known
     * against it. Asking activates nothing.
     */
    default String failure(ProviderEntry entry) {
        return null;
    }

    /**
     * The values of service property {@code key} of {@code entry}'s registration (a string, or an
     * array or list of strings), empty when it has none; none by default (a fixed list). Asking
     * activates nothing.
     */
    default List<String> property(ProviderEntry entry, String key) {
        return List.of();
    }

    /** The providers in the plugins folder that cannot be used, and why; none by default (tests). */
    default List<InactivePlugin> inactive() {
        return List.of();
    }

}

package org.workbench.engine.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which bundle provides which provider, written one {@code KIND NAME BUNDLE} a line to
 * {@code provider-bundles} at the distribution's root. The runtime's launcher reads it when
 * {@code ./workbench} starts a light run: the distribution's bundles whose providers that run's
 * descriptors do not name are left unstarted ({@code ProviderBundles} in the runtime). Written, like
 * {@link LightTasks}, after a run at a start of every bundle, and only when it changes.
 */
public final class ProviderIndex {
    /** The file's name at the distribution's root. */
    public static final String FILE = "provider-bundles";
    /**
     * The system property that the launcher sets to {@code true} while some of the distribution's
     * bundles are left unstarted (and clears when it starts them): their providers are then missing
     * from the registry, so neither this index nor {@link LightTasks} is written, and an optional
     * role's default is not passed over for another (the planner calls the input invalid instead,
     * and the launcher asks again with every bundle started).
     */
    public static final String PARTIAL_START = "workbench.partialStart";

    private ProviderIndex() {
    }

    /** Whether the launcher left some of the distribution's bundles unstarted ({@link #PARTIAL_START}). */
    public static boolean partialStart() {
        return Boolean.getBoolean(PARTIAL_START);
    }

    /** The index's lines for {@code providers}: kind, name and bundle, sorted and distinct. */
    static List<String> lines(ProviderSource providers) {
        return providers.entries().stream().map(e -> e.kind() + " " + e.name() + " " + e.bundle()).distinct().sorted()
                .toList();
    }

    /**
     * Writes {@code home/provider-bundles} when it differs from {@code providers}' index.
     *
     * @throws IOException when the file cannot be written
     */
    public static void record(Path home, ProviderSource providers) throws IOException {
        LineFile.writeIfChanged(home.resolve(FILE), lines(providers));
    }
}

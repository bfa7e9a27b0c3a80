package org.workbench.engine.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.workbench.api.Kinds;
import org.workbench.api.Provider;

/**
 * The tasks that declare themselves light ({@link Provider#LIGHT}, {@code @WorkbenchProvider(light = true)}),
 * written one name a line to {@code light-tasks} at the distribution's root, where the {@code ./workbench}
 * script reads them (with shell builtins, before any JVM starts) to start a run of only such tasks with
 * the quick compiler alone. Rewritten only when the set changes, under a temporary name and renamed.
 */
public final class LightTasks {
    /** The file's name at the distribution's root. */
    public static final String FILE = "light-tasks";

    private LightTasks() {
    }

    /** The names of the light tasks among {@code providers}, sorted and distinct. */
    static List<String> names(ProviderSource providers) {
        return providers.entries().stream().filter(e -> e.kind().equals(Kinds.TASK))
                .filter(e -> providers.property(e, Provider.LIGHT).contains("true")).map(ProviderEntry::name)
                .distinct().sorted().toList();
    }

    /**
     * Writes {@code home/light-tasks} when it differs from the light tasks among {@code providers}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void record(Path home, ProviderSource providers) throws IOException {
        LineFile.writeIfChanged(home.resolve(FILE), names(providers));
    }
}

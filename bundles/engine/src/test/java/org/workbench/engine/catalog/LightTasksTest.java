package org.workbench.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.workbench.api.Kinds;
import org.workbench.api.Provider;

/** The script's list of light tasks comes from the tasks' own property, not from a list in the script. */
class LightTasksTest {
    @TempDir
    Path home;

    /** Providers whose service properties are given by name. */
    private static ProviderSource source(Map<String, List<String>> light, String... tasks) {
        List<ProviderEntry> entries = new java.util.ArrayList<>();
        for (String t : tasks) {
            entries.add(new ProviderEntry(Kinds.TASK, t, "", Version.emptyVersion, "b." + t, 0, () -> null));
        }
        entries.add(new ProviderEntry(Kinds.DATA, "light-data", "", Version.emptyVersion, "b", 0, () -> null));
        return new ProviderSource() {
            @Override
            public List<ProviderEntry> entries() {
                return entries;
            }

            @Override
            public List<String> property(ProviderEntry entry, String key) {
                return key.equals(Provider.LIGHT) ? light.getOrDefault(entry.name(), List.of()) : List.of();
            }
        };
    }

    @Test
    void theLightTasksAreWrittenOneALineAndOnlyWhenTheyChange() throws IOException {
        Map<String, List<String>> light = Map.of("gradient-check", List.of("true"), "gaussian-mean", List.of("true"),
                "train-classifier", List.of("false"), "light-data", List.of("true"));
        ProviderSource providers = source(light, "train-classifier", "gradient-check", "gaussian-mean");
        LightTasks.record(home, providers);
        Path file = home.resolve(LightTasks.FILE);
        assertEquals("gaussian-mean\ngradient-check\n", Files.readString(file));
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);
        LightTasks.record(home, providers);
        assertEquals(old, Files.getLastModifiedTime(file), "unchanged: not written again");
        LightTasks.record(home, source(Map.of(), "gaussian-mean"));
        assertEquals("", Files.readString(file));
    }
}

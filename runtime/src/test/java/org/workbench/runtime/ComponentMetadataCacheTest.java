package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCR keeps its parsed descriptors only while the plugins folder holds no jar (a plugin's faulty
 * descriptor is then reported at every start), and the launcher sees them kept in Felix's layout.
 */
class ComponentMetadataCacheTest {
    @TempDir
    Path work;

    @Test
    void descriptorsAreKeptOnlyWithoutAPluginJar() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        assertFalse(PluginFolder.holdsJars(plugins));
        assertFalse(PluginFolder.holdsJars(work.resolve("absent")));
        Files.writeString(plugins.resolve("notes.txt"), "not a plugin");
        assertFalse(PluginFolder.holdsJars(plugins));
        Files.write(plugins.resolve("my-plugin.jar"), new byte[0]);
        assertTrue(PluginFolder.holdsJars(plugins));
    }

    @Test
    void keptDescriptorsAreFoundInTheScrBundlesDataFolder() throws Exception {
        Path cache = Files.createDirectories(work.resolve("cache"));
        assertFalse(ComponentMetadataCache.present(cache));
        assertFalse(ComponentMetadataCache.present(work.resolve("no-cache")));
        Path data = Files.createDirectories(cache.resolve("bundle12").resolve("data"));
        Files.writeString(data.resolve("other"), "");
        assertFalse(ComponentMetadataCache.present(cache));
        Files.write(data.resolve(ComponentMetadataCache.STORE), new byte[] {1});
        assertTrue(ComponentMetadataCache.present(cache));
    }
}

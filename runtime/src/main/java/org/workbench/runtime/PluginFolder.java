package org.workbench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the plugins folder holds when a start begins. A start with no plugin jar may keep SCR's parsed
 * descriptors ({@link ComponentMetadataCache}) and leave a light run's unneeded bundles uninstalled
 * ({@link ProviderBundles#notInstalled}); a plugin jar makes every start read and install everything.
 */
final class PluginFolder {
    private PluginFolder() {
    }

    /** Whether {@code plugins} holds a jar (a missing folder holds none). */
    static boolean holdsJars(Path plugins) throws IOException {
        if (!Files.isDirectory(plugins)) {
            return false;
        }
        try (Stream<Path> files = Files.list(plugins)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".jar"));
        }
    }
}

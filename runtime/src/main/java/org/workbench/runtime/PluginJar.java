package org.workbench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Tells, without installing it, whether a jar in the plugins folder can become a bundle at all:
 * a readable zip with a manifest naming a {@code Bundle-SymbolicName}. An empty, garbage,
 * truncated or manifest-less jar is not worth waiting for at start-up; {@code list} reports it.
 */
final class PluginJar {
    private PluginJar() {
    }

    static boolean usable(Path jar) {
        try {
            if (!Files.isRegularFile(jar) || Files.size(jar) == 0) {
                return false;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                return manifest != null && manifest.getMainAttributes().getValue("Bundle-SymbolicName") != null;
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}

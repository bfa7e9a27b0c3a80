package org.workbench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Tells, without installing it, whether a jar in the plugins folder can become a bundle at all:
 * a readable zip with a manifest naming a {@code Bundle-SymbolicName}. An empty, garbage,
 * truncated or manifest-less jar is not worth waiting for at start-up; {@code list} reports it
 * with the reason given here.
 */
final class PluginJar {
    private PluginJar() {
    }

    /** Why {@code jar} cannot be a bundle, or {@code null} when its manifest names one. */
    static String problem(Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                return "not a regular file";
            }
            if (Files.size(jar) == 0) {
                return "an empty file";
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest == null) {
                    return "no META-INF/MANIFEST.MF: not an OSGi bundle";
                }
                if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                    return "its manifest has no Bundle-SymbolicName: not an OSGi bundle";
                }
                return null;
            }
        } catch (IOException | SecurityException e) {
            return "not a readable jar (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "): truncated, or not a zip file";
        }
    }

    /** Whether the jar's manifest makes it an extension bundle (a fragment of the framework itself). */
    static boolean isExtension(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String host = manifest == null ? null : manifest.getMainAttributes().getValue("Fragment-Host");
            return host != null && host.replace(" ", "").contains("extension:=");
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The jar's {@code Bundle-SymbolicName} (without directives) and {@code Bundle-Version}, or {@code null}. */
    static String[] identity(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes main = manifest.getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            if (name == null) {
                return null;
            }
            int semicolon = name.indexOf(';');
            String version = main.getValue("Bundle-Version");
            return new String[] {(semicolon >= 0 ? name.substring(0, semicolon) : name).trim(),
                    version == null ? "0.0.0" : version.trim()};
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}

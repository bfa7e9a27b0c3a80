package org.workbench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Manifest;

import org.osgi.framework.Version;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * What {@code --version} prints, known without starting the framework: the engine's and the API's
 * versions from the build's record of the distribution's bundles ({@link BuiltInManifest}; a plugin may
 * take neither name, {@link BuiltInNames}), the framework's symbolic name and version from the
 * framework jar's manifest, and the Java runtime. The same four lines as the engine's answer
 * ({@code Versions} in the engine; {@code VersionTextIT} compares them), in 0.1 s instead of a start
 * of the framework (1 s).
 */
final class VersionText {
    private static final String ENGINE = "org.workbench.engine";
    private static final String API = "org.workbench.api";

    private VersionText() {
    }

    /** Whether {@code args} (after {@code --home} and {@code --plugins}) ask for the versions alone. */
    static boolean asked(List<String> args) {
        return args.size() == 1 && (args.get(0).equals("--version") || args.get(0).equals("-V"));
    }

    /**
     * The lines, or empty when the distribution's record or the framework's manifest does not tell them
     * (a distribution built before the record existed): the framework then answers.
     */
    static Optional<List<String>> of(Path home) {
        Map<String, String> recorded = recorded(home);
        Optional<String> framework = framework();
        if (!recorded.containsKey(ENGINE) || !recorded.containsKey(API) || framework.isEmpty()) {
            return Optional.empty();
        }
        Version api = Version.parseVersion(recorded.get(API));
        String apiMaven = api.getMajor() + "." + api.getMinor() + "." + api.getMicro()
                + (api.getQualifier().isEmpty() ? "" : "-" + api.getQualifier());
        return Optional.of(List.of("workbench " + Version.parseVersion(recorded.get(ENGINE)), "api " + API + " " + apiMaven,
                "framework " + framework.get(),
                "java " + System.getProperty("java.vendor") + " " + System.getProperty("java.version")));
    }

    /** Symbolic name to version of the bundles in the distribution's record (bundles/ only: those every start installs). */
    private static Map<String, String> recorded(Path home) {
        Map<String, String> versions = new HashMap<>();
        Path file = home.resolve(BuiltInManifest.FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return versions;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                // a jar gone since the record was written tells nothing: the framework answers instead
                if (f.length == 4 && !line.startsWith("#") && f[1].startsWith("bundles/")
                        && Files.isRegularFile(home.resolve(f[1]))) {
                    versions.put(f[2], f[3]);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            versions.clear();
        }
        return versions;
    }

    /** "symbolic-name version" of the framework the launcher would start, from its jar's manifest. */
    private static Optional<String> framework() {
        Optional<FrameworkFactory> factory = java.util.ServiceLoader.load(FrameworkFactory.class).findFirst();
        if (factory.isEmpty()) {
            return Optional.empty();
        }
        URL jar = factory.get().getClass().getProtectionDomain().getCodeSource().getLocation();
        try (InputStream in = new URL("jar:" + jar + "!/META-INF/MANIFEST.MF").openStream()) {
            var main = new Manifest(in).getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            String version = main.getValue("Bundle-Version");
            if (name == null || version == null) {
                return Optional.empty();
            }
            return Optional.of(name.split(";")[0].trim() + " " + Version.parseVersion(version.trim()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

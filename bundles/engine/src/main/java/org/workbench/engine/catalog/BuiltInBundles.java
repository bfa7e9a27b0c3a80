package org.workbench.engine.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;

/**
 * The distribution's own bundles as the build recorded them: {@value #FILE} in the distribution
 * folder, one line per jar, {@code SHA-256 PATH SYMBOLIC-NAME VERSION} (PATH relative to the
 * distribution, e.g. {@code bundles/prior-gaussian-1.0.0.jar}), written by the runtime module's
 * build ({@code BuiltInManifest}) after it assembles the distribution, so it changes with every
 * rebuild by itself and nobody types a hash. A bundle is <em>built in</em> when it was installed
 * from one of those paths, has that symbolic name and version, and its jar still has that
 * SHA-256; everything else is third-party code. Jars are hashed when first asked about (a few
 * small ones per run), and the hash is kept while the file's size and time stay the same.
 */
public final class BuiltInBundles {
    /** The build's record, in the distribution folder. */
    public static final String FILE = "built-in-bundles.txt";
    private final Path home;
    private final Map<String, Recorded> recorded;
    private final JarHashes hashes = new JarHashes();
    private final Set<String> names;

    /** One recorded jar. */
    record Recorded(String sha256, String path, String symbolicName, String version) {
    }

    BuiltInBundles(Path home, Map<String, Recorded> recorded) {
        this.home = home.toAbsolutePath().normalize();
        this.recorded = recorded;
        this.names = symbolicNames();
    }

    /** The record of the distribution in {@code home}; empty (nothing counts as built in) when it is missing. */
    public static BuiltInBundles of(Path home) {
        Map<String, Recorded> recorded = new HashMap<>();
        Path file = home.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 4 && !line.startsWith("#")) {
                        recorded.put(f[1], new Recorded(f[0], f[1], f[2], f[3]));
                    }
                }
            } catch (IOException e) {
                recorded.clear();
            }
        }
        return new BuiltInBundles(home, Map.copyOf(recorded));
    }

    /** Whether the build's record was found. */
    public boolean recorded() {
        return !recorded.isEmpty();
    }

    /** The symbolic names of the distribution's bundles: names no plugin may take. */
    public Set<String> symbolicNames() {
        return recorded.values().stream().map(Recorded::symbolicName).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether {@code bundle} takes the symbolic name of a distribution bundle without coming from
     * the distribution (a jar fetched from a cluster's coordinator, pinned by its SHA-256 there,
     * excepted): the runtime keeps such a bundle from resolving, and the engine never offers its
     * providers should it resolve anyway.
     */
    public boolean impostor(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null || location.startsWith("workbench-fetched:") || !names.contains(bundle.getSymbolicName())) {
            return false;
        }
        Path jar = file(location);
        return jar == null || !jar.startsWith(home);
    }

    /** Where {@code bundle} comes from (its jar is hashed when it lies in the distribution). */
    public Origin origin(Bundle bundle) {
        return origin(bundle.getLocation(), bundle.getSymbolicName(), bundle.getVersion().toString());
    }

    Origin origin(String location, String symbolicName, String version) {
        Path jar = file(location);
        if (jar == null) {
            return Origin.thirdParty(location, "", "installed from " + location + ", not from the distribution");
        }
        String sha = hash(jar);
        if (!jar.startsWith(home)) {
            return Origin.thirdParty(jar.toString(), sha, "outside the distribution");
        }
        String relative = home.relativize(jar).toString().replace('\\', '/');
        Recorded r = recorded.get(relative);
        if (r == null) {
            return Origin.thirdParty(jar.toString(), sha, recorded.isEmpty()
                    ? "the distribution has no " + FILE + " (the build's record of its bundles): rebuild it"
                    : relative + " is not in the build's record of the distribution (" + FILE + ")");
        }
        if (!r.symbolicName().equals(symbolicName) || !r.version().equals(version)) {
            return Origin.thirdParty(jar.toString(), sha, relative + " is bundle " + symbolicName + " " + version
                    + ", but the build recorded " + r.symbolicName() + " " + r.version() + " there");
        }
        if (!r.sha256().equals(sha)) {
            return Origin.thirdParty(jar.toString(), sha, relative + " has SHA-256 " + sha
                    + ", not the " + r.sha256() + " the build recorded: it was changed after the build; rebuild the"
                    + " distribution (mvn install) or restore it");
        }
        return Origin.builtIn(relative, sha);
    }

    /** The file a bundle location names ({@code reference:file:...} or {@code file:...}), or {@code null}. */
    static Path file(String location) {
        String l = location == null ? "" : location;
        if (l.startsWith("reference:")) {
            l = l.substring("reference:".length());
        }
        if (!l.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(l)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private String hash(Path jar) {
        return hashes.of(jar);
    }

    static String sha256(Path file) throws IOException {
        return JarHashes.sha256(file);
    }

    /** The recorded jars, for messages and tests. */
    List<String> paths() {
        return recorded.keySet().stream().sorted().toList();
    }
}

package org.workbench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The record of the distribution's own bundles, {@value #FILE}: one line per jar of the bundle
 * folders, {@code SHA-256 PATH SYMBOLIC-NAME VERSION}. The build removes it together with the jars
 * it replaces (runtime/pom.xml), and the first start of the new distribution writes it again
 * ({@code ./workbench} makes that start right after building), so a rebuilt bundle is recorded with
 * its new hash without anyone typing one, and a jar changed after that start no longer counts as
 * built in. The launcher reads the symbolic names (no plugin may take one, {@link BuiltInNames});
 * the engine checks a provider's jar against its line before it lets it answer a descriptor that
 * takes built-in providers only. {@code java -cp workbench.jar org.workbench.runtime.BuiltInManifest DIST}
 * writes it by hand.
 */
public final class BuiltInManifest {
    /** The file, in the distribution folder. */
    public static final String FILE = "built-in-bundles.txt";
    /** The distribution's folders of bundles. */
    static final List<String> FOLDERS = List.of("bundles", "shell", "cluster", "web", "http", "store", "repository");

    private BuiltInManifest() {
    }

    /** {@code BuiltInManifest DIST}: writes {@code DIST/}{@value #FILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltInManifest DIST-FOLDER");
        }
        write(Path.of(args[0]));
    }

    static void write(Path dist) throws IOException {
        StringBuilder b = new StringBuilder("# The distribution's own bundles as this build made them: SHA-256, path,"
                + " symbolic name, version.\n# Written at the first start after a build; the workbench checks built-in"
                + " providers against it (docs/trust.md). Do not edit.\n");
        for (String folder : FOLDERS) {
            Path dir = dist.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> jars;
            try (Stream<Path> s = Files.list(dir)) {
                jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                String[] identity = identity(jar);
                if (identity != null) {
                    b.append(sha256(jar)).append(' ').append(folder).append('/').append(jar.getFileName()).append(' ')
                            .append(identity[0]).append(' ').append(identity[1]).append('\n');
                }
            }
        }
        // a name of its own: two first starts of one distribution may write at once (the same text)
        Path tmp = Files.createTempFile(dist, FILE, ".tmp");
        Files.writeString(tmp, b);
        Files.move(tmp, dist.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The symbolic names recorded in {@code dist}'s {@value #FILE}; empty when there is none (a
     * distribution built before the record existed).
     */
    static Set<String> symbolicNames(Path dist) {
        return Set.copyOf(symbolicNamesByPath(dist).values());
    }

    /**
     * The symbolic name recorded for each jar in {@code dist}'s {@value #FILE}, by its path in the
     * distribution ({@code bundles/api-1.4.0.jar}); empty when there is no record.
     */
    static Map<String, String> symbolicNamesByPath(Path dist) {
        Path file = dist.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 4 && !line.startsWith("#")) {
                    names.put(f[1], f[2]);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return names;
    }

    private static String[] identity(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            String name = main == null ? null : main.getValue("Bundle-SymbolicName");
            if (name == null) {
                return null;
            }
            String version = main.getValue("Bundle-Version");
            return new String[] {name.split(";")[0].trim(),
                    org.osgi.framework.Version.parseVersion(version == null ? "0.0.0" : version.trim()).toString()};
        }
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

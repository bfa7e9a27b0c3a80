package org.workbench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real jars for the plugin tests: another version of a built bundle, a jar that is no bundle, and the drop itself. */
final class PluginJars {
    private PluginJars() {
    }

    /** A copy of {@code bundle} whose manifest says {@code Bundle-Version: version}. */
    static Path withVersion(Path bundle, String version, Path target) throws IOException {
        return withHeaders(bundle, java.util.Map.of("Bundle-Version", version), target);
    }

    /**
     * A copy of {@code bundle} as another bundle: {@code Bundle-SymbolicName: symbolicName} at
     * {@code version}, as a third party's plugin offering the same kind and name would be.
     */
    static Path asOtherBundle(Path bundle, String symbolicName, String version, Path target) throws IOException {
        return withHeaders(bundle, java.util.Map.of("Bundle-SymbolicName", symbolicName, "Bundle-Version", version),
                target);
    }

    /**
     * A copy of {@code bundle} at {@code version} whose component descriptors name an implementation
     * class that does not exist: the bundle resolves and starts, the service is registered, and the
     * component fails when first activated.
     */
    static Path withMissingComponentClass(Path bundle, String version, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(bundle))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith(".xml")) {
                        String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        out.write(xml.replaceAll("<implementation class=\"[^\"]+\"",
                                "<implementation class=\"org.example.Missing\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /**
     * A copy of {@code bundle} at {@code version} that imports {@code packageName} in {@code range}
     * instead of the range it was built with, as a plugin built against another API version does.
     */
    static Path withImportRange(Path bundle, String version, String packageName, String range, Path target)
            throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(bundle))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.put(new Attributes.Name("Bundle-Version"), version);
            String imports = main.getValue("Import-Package");
            String replaced = imports.replaceAll(java.util.regex.Pattern.quote(packageName) + ";version=\"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement(packageName + ";version=\"" + range + "\""));
            if (replaced.equals(imports)) {
                throw new IllegalArgumentException(bundle + " does not import " + packageName + " with a range: " + imports);
            }
            main.put(new Attributes.Name("Import-Package"), replaced);
            rewrite(in, manifest, target);
        }
        return target;
    }

    /**
     * A copy of {@code bundle} with some manifest headers set (a {@code null} value removes one), as
     * a careless author's build would write them.
     */
    static Path withHeaders(Path bundle, java.util.Map<String, String> headers, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(bundle))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach((name, value) -> {
                if (value == null) {
                    main.remove(new Attributes.Name(name));
                } else {
                    main.put(new Attributes.Name(name), value);
                }
            });
            rewrite(in, manifest, target);
        }
        return target;
    }

    /** Writes {@code target}: {@code manifest}, then the rest of {@code in}'s entries as they are. */
    private static void rewrite(JarInputStream in, Manifest manifest, Path target) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    /** The first {@code bytes} bytes of {@code jar}, as an interrupted download leaves it. */
    static Path truncated(Path jar, int bytes, Path target) throws IOException {
        byte[] all = Files.readAllBytes(jar);
        Files.write(target, java.util.Arrays.copyOf(all, Math.min(bytes, all.length)));
        return target;
    }

    /** A jar with a class-less text file and no OSGi manifest. */
    static Path notABundle(Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a bundle".getBytes());
            zip.closeEntry();
        }
        return target;
    }

    /**
     * Drops a jar into the watched folder the safe way: written under a temporary name that the
     * watcher ignores, then renamed (atomically, replacing what was there).
     */
    static Path drop(Path jar, Path pluginsFolder, String fileName) throws IOException {
        return publish(stage(jar, pluginsFolder, fileName), fileName);
    }

    /** Step one of a drop: the jar copied under {@code <fileName>.tmp}, which the watcher ignores. */
    static Path stage(Path jar, Path pluginsFolder, String fileName) throws IOException {
        Path temporary = pluginsFolder.resolve(fileName + ".tmp");
        try (InputStream in = Files.newInputStream(jar)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        return temporary;
    }

    /** Step two: the atomic rename that the watcher sees. */
    static Path publish(Path staged, String fileName) throws IOException {
        return Files.move(staged, staged.resolveSibling(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes every file under {@code classes} into the jar, in name order, at its path relative to {@code classes}. */
    static void addClasses(java.util.jar.JarOutputStream out, Path classes) throws IOException {
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
            out.write(Files.readAllBytes(f));
            out.closeEntry();
        }
    }
}

package org.workbench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Jars for the cluster's trust tests, compiled inside the test (sources under
 * {@code src/test/resources/cluster/}): a rogue's plugin {@code prior/rogue} that marks the JVM that
 * creates it, and the built-in {@code org.workbench.prior-gaussian} 1.0.0 with its provider class
 * replaced by one whose mean is off by one; and a distribution that differs from the built one in
 * that jar alone.
 */
final class ClusterPlugins {
    private ClusterPlugins() {
    }

    /** Bundle {@code test.rogue} 1.0.0 with provider {@code prior/rogue}. */
    static Path rogue(Path work) throws IOException, URISyntaxException {
        Path classes = compile(work.resolve("rogue"), "RoguePriorProvider", "org/example/rogue", List.of());
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.rogue");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.workbench.api;version=\"[1.0,2)\",org.workbench.api.bayes;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/rogue.xml");
        Path jar = work.resolve("rogue-1.0.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("OSGI-INF/rogue.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"rogue\">\n"
                    + "  <property name=\"workbench.kind\" value=\"prior\"/>\n"
                    + "  <property name=\"workbench.name\" value=\"rogue\"/>\n"
                    + "  <service><provide interface=\"org.workbench.api.Provider\"/></service>\n"
                    + "  <implementation class=\"org.example.rogue.RoguePriorProvider\"/>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            PluginJars.addClasses(out, classes);
        }
        return jar;
    }

    /** A copy of the built prior-gaussian jar (same name and version) whose provider class is replaced. */
    static Path tamperedGaussian(Path work, Path original) throws IOException, URISyntaxException {
        Path classes = compile(work.resolve("tampered"), "GaussianPriorProvider", "org/workbench/prior/gaussian",
                List.of(original));
        String replaced = "org/workbench/prior/gaussian/GaussianPriorProvider.class";
        Path jar = work.resolve("tampered").resolve(original.getFileName());
        try (JarInputStream in = new JarInputStream(Files.newInputStream(original));
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), in.getManifest())) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(e.getName()));
                if (e.getName().equals(replaced)) {
                    out.write(Files.readAllBytes(classes.resolve(replaced)));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * A distribution folder like {@code home} (its folders and jars linked, not copied) whose
     * {@code bundles/} holds {@code replacement} instead of the jar of the same file name.
     */
    static Path homeWith(Path home, Path replacement, Path target) throws IOException {
        Files.createDirectories(target.resolve("bundles"));
        try (Stream<Path> s = Files.list(home)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("bundles") && !name.equals("felix-cache")) {
                    Files.createSymbolicLink(target.resolve(name), p.toAbsolutePath());
                }
            }
        }
        try (Stream<Path> s = Files.list(home.resolve("bundles"))) {
            for (Path p : s.toList()) {
                Path to = target.resolve("bundles").resolve(p.getFileName());
                if (p.getFileName().equals(replacement.getFileName())) {
                    Files.copy(replacement, to);
                } else {
                    Files.createSymbolicLink(to, p.toAbsolutePath());
                }
            }
        }
        return target;
    }

    private static Path compile(Path dir, String className, String packagePath, List<Path> classPath)
            throws IOException, URISyntaxException {
        Path src = Files.createDirectories(dir.resolve("src").resolve(packagePath));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        try (InputStream in = ClusterPlugins.class.getResourceAsStream("/cluster/" + className + ".java.txt")) {
            Files.write(src.resolve(className + ".java"), in.readAllBytes());
        }
        StringBuilder cp = new StringBuilder(Path.of(org.workbench.api.Provider.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString());
        classPath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, System.err, "--release", "17", "-nowarn", "-classpath", cp.toString(),
                "-d", classes.toString(), src.resolve(className + ".java").toString());
        if (status != 0) {
            throw new IOException(className + " did not compile");
        }
        return classes;
    }
}

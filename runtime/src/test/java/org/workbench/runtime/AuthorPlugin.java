package org.workbench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds, inside the test, small plugins with the mistakes a first-time plugin author makes (source:
 * {@code src/test/resources/authors/AuthorPriors.java.txt}, compiled once against the API jar): one
 * bundle per provider class, {@code test.authors.NAME}, registering {@code prior/NAME}.
 */
final class AuthorPlugin {
    private AuthorPlugin() {
    }

    /**
     * @param provider   the nested class of {@code AuthorPriors}, e.g. {@code Undeclared}
     * @param name       the provider's name (and the bundle's last segment)
     * @param apiRange   the range of {@code org.workbench.api} it imports
     * @param annotated  whether its component carries {@code @WorkbenchProvider}'s kind and name
     */
    static Path build(Path work, String provider, String name, String apiRange, boolean annotated)
            throws IOException, URISyntaxException {
        return build(work, provider, name, apiRange, annotated, "prior");
    }

    /** As {@link #build(Path, String, String, String, boolean)}, registered as kind {@code kind}. */
    static Path build(Path work, String provider, String name, String apiRange, boolean annotated, String kind)
            throws IOException, URISyntaxException {
        Path classes = work.resolve("author-classes");
        if (!Files.isDirectory(classes)) {
            compile(Files.createDirectories(work.resolve("author-src/org/example/authors")),
                    Files.createDirectories(classes));
        }
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.authors." + name);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.workbench.api;version=\"" + apiRange + "\",org.workbench.api.bayes;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/" + name + ".xml");
        Path jar = work.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("OSGI-INF/" + name + ".xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"org.example.authors." + name + "\">\n"
                    + (annotated ? "  <property name=\"workbench.kind\" value=\"" + kind + "\"/>\n"
                            + "  <property name=\"workbench.name\" value=\"" + name + "\"/>\n" : "")
                    + "  <service><provide interface=\"org.workbench.api.Provider\"/></service>\n"
                    + "  <implementation class=\"org.example.authors.AuthorPriors$" + provider + "\"/>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            PluginJars.addClasses(out, classes);
        }
        return jar;
    }

    private static void compile(Path src, Path classes) throws IOException, URISyntaxException {
        try (InputStream in = AuthorPlugin.class.getResourceAsStream("/authors/AuthorPriors.java.txt")) {
            Files.write(src.resolve("AuthorPriors.java"), in.readAllBytes());
        }
        Path api = Path.of(org.workbench.api.Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, System.err, "--release", "17", "-nowarn", "-classpath", api.toString(),
                "-d", classes.toString(), src.resolve("AuthorPriors.java").toString());
        if (status != 0) {
            throw new IOException("the author plugins did not compile");
        }
    }
}

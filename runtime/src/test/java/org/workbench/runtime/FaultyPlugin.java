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
 * Builds, inside the test, a small bad plugin: bundle {@code test.faulty} with one provider,
 * {@code prior/faulty}, whose {@code create()} exits, halts, runs out of memory, overflows the stack,
 * hangs, or waits for a gate before using a class it loads late (source:
 * {@code src/test/resources/faulty/FaultyPriorProvider.java.txt}), compiled against the API jar.
 */
final class FaultyPlugin {
    private FaultyPlugin() {
    }

    static Path build(Path work, String version) throws IOException, URISyntaxException {
        Path src = Files.createDirectories(work.resolve("faulty-src/org/example/faulty"));
        Path classes = work.resolve("faulty-classes");
        if (!Files.isDirectory(classes)) {
            compile(src, Files.createDirectories(classes));
        }
        return jar(work, classes, version);
    }

    private static void compile(Path src, Path classes) throws IOException, URISyntaxException {
        try (InputStream in = FaultyPlugin.class.getResourceAsStream("/faulty/FaultyPriorProvider.java.txt")) {
            Files.write(src.resolve("FaultyPriorProvider.java"), in.readAllBytes());
        }
        Path api = Path.of(org.workbench.api.Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, System.err, "--release", "17", "-nowarn", "-classpath", api.toString(),
                "-d", classes.toString(), src.resolve("FaultyPriorProvider.java").toString());
        if (status != 0) {
            throw new IOException("the faulty plugin did not compile");
        }
    }

    private static Path jar(Path work, Path classes, String version) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.faulty");
        a.putValue("Bundle-Version", version);
        a.putValue("Import-Package", "org.workbench.api;version=\"[1.0,2)\",org.workbench.api.bayes;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/faulty.xml");
        Path jar = work.resolve("faulty-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("OSGI-INF/faulty.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"faulty\">\n"
                    + "  <property name=\"workbench.kind\" value=\"prior\"/>\n"
                    + "  <property name=\"workbench.name\" value=\"faulty\"/>\n"
                    + "  <service><provide interface=\"org.workbench.api.Provider\"/></service>\n"
                    + "  <implementation class=\"org.example.faulty.FaultyPriorProvider\"/>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            PluginJars.addClasses(out, classes);
        }
        return jar;
    }
}

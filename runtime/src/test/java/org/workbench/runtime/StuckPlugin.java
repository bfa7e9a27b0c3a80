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
 * Builds, inside the test, a one-provider plugin whose component cannot be activated: bundle
 * {@code test.blocking} offering {@code prior/blocking}, whose constructor blocks (until the file
 * named by the system property {@code stuck.gate} exists), or bundle {@code test.throwing} offering
 * {@code prior/throwing}, whose constructor throws (sources under {@code src/test/resources/stuck/}),
 * compiled against the API jar, each with an ordinary Declarative Services component description.
 */
final class StuckPlugin {
    static final String BLOCKING = "BlockingPriorProvider";
    static final String THROWING = "ThrowingPriorProvider";

    private StuckPlugin() {
    }

    /** The plugin of {@code className} ({@link #BLOCKING} or {@link #THROWING}) as a jar in {@code work}. */
    static Path build(Path work, String className, String bundle, String providerName)
            throws IOException, URISyntaxException {
        Path src = Files.createDirectories(work.resolve(className + "-src/org/example/stuck"));
        Path classes = Files.createDirectories(work.resolve(className + "-classes"));
        try (InputStream in = StuckPlugin.class.getResourceAsStream("/stuck/" + className + ".java.txt")) {
            Files.write(src.resolve(className + ".java"), in.readAllBytes());
        }
        Path api = Path.of(org.workbench.api.Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, System.err, "--release", "17", "-nowarn", "-classpath", api.toString(), "-d",
                classes.toString(), src.resolve(className + ".java").toString()) != 0) {
            throw new IOException(className + " did not compile");
        }
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bundle);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.workbench.api;version=\"[1.0,2)\",org.workbench.api.bayes;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/stuck.xml");
        Path jar = work.resolve(bundle + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("OSGI-INF/stuck.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"org.example.stuck."
                    + className + "\">\n"
                    + "  <property name=\"workbench.kind\" value=\"prior\"/>\n"
                    + "  <property name=\"workbench.name\" value=\"" + providerName + "\"/>\n"
                    + "  <service><provide interface=\"org.workbench.api.Provider\"/></service>\n"
                    + "  <implementation class=\"org.example.stuck." + className + "\"/>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            Path cls = classes.resolve("org/example/stuck/" + className + ".class");
            out.putNextEntry(new JarEntry("org/example/stuck/" + className + ".class"));
            out.write(Files.readAllBytes(cls));
            out.closeEntry();
        }
        return jar;
    }

    /** A gaussian-mean descriptor in {@code folder} whose prior is {@code prior}. */
    static Path descriptor(Path folder, String prior) throws IOException {
        return Files.writeString(folder.resolve("uses-" + prior + ".json"), "{\"format\":1,\"name\":\"uses-" + prior
                + "\",\"task\":{\"use\":\"gaussian-mean\"},\"components\":{\"data\":{\"use\":\"inline\",\"with\":"
                + "{\"values\":[0.5,1.5]}},\"prior\":{\"use\":\"" + prior + "\"},\"likelihood\":{\"use\":\"gaussian\","
                + "\"with\":{\"variance\":1}}}}");
    }
}

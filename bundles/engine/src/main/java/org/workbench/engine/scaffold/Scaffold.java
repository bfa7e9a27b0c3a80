package org.workbench.engine.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a new plugin project from the templates under {@code templates/} beside this class: a
 * Maven project that depends on the API artifact alone, with one component, its provider, the
 * provider's contract test and a behaviour test (and for a task, a descriptor that runs it). The project is written into a temporary folder
 * and renamed when whole, so a folder that exists is complete.
 */
public final class Scaffold {
    /** The kinds with a template, and the component interface each implements. */
    public static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("prior", "org.workbench.api.bayes.Prior");
        k.put("likelihood", "org.workbench.api.bayes.Likelihood");
        k.put("optimizer", "org.workbench.api.nn.GradientOptimizer");
        k.put("data", "org.workbench.api.DataSource");
        k.put("layer", "org.workbench.api.nn.Layer");
        k.put("loss", "org.workbench.api.nn.Loss");
        k.put("task", "org.workbench.api.Task");
        return k;
    }

    /**
     * Writes the project into {@code folder}, which must not exist or be empty.
     *
     * @return the files written, relative to {@code folder}
     */
    public List<Path> write(PluginSpec spec, Path folder) throws IOException {
        String interfaceName = KINDS.get(spec.kind());
        if (interfaceName == null) {
            throw new IllegalArgumentException("no template for kind " + spec.kind());
        }
        Map<String, String> variables = spec.variables(interfaceName);
        String java = "src/main/java/" + variables.get("packagePath") + "/";
        String test = "src/test/java/" + variables.get("packagePath") + "/";
        String cls = spec.className();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("common/pom.xml", "pom.xml");
        files.put("common/README.md", "README.md");
        files.put("common/gitignore", ".gitignore");
        String example = spec.exampleClass();
        files.put(spec.kind() + "/Component.java", java + example + ".java");
        files.put(spec.kind() + "/Provider.java", java + cls + "Provider.java");
        files.put(spec.kind() + "/ComponentTest.java", test + example + "Test.java");
        files.put("common/ProviderTest.java", test + cls + "ProviderTest.java");
        if (spec.kind().equals("task")) {
            // a descriptor that runs the new task as it is
            files.put("task/descriptor.json", spec.name() + "-example.json");
        }

        Path parent = folder.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, ".new-plugin-");
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = temporary.resolve(f.getValue());
                Files.createDirectories(target.getParent());
                Files.writeString(target, TemplateText.render(template(f.getKey()), variables, f.getKey()),
                        StandardCharsets.UTF_8);
                written.add(Path.of(f.getValue()));
            }
            if (Files.isDirectory(folder)) {
                Files.delete(folder); // empty, checked by the caller; a non-empty folder fails here
            }
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static String template(String name) throws IOException {
        try (InputStream in = Scaffold.class.getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IOException("the engine bundle has no scaffold template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.workbench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules between the parts (docs/ARCHITECTURE.md), read off the built distribution: the engine
 * exports nothing; a plugin bundle imports only the API, the JDK, OSGi and the packages of the
 * distribution's library bundles (never the engine's, the web's or another plugin's); and the engine's
 * packages form no cycle (read from the class files with {@code jdeps}).
 */
class BundleRulesIT {
    private static final Path HOME = WorkbenchRuntimeIT.HOME;
    /** Bundles of the workbench that are not plugins: they may import what they like from libraries. */
    private static final Set<String> NOT_PLUGINS = Set.of("org.workbench.api", "org.workbench.engine", "org.workbench.web");
    /** Packages every bundle may import. */
    private static final List<String> ALWAYS = List.of("java.", "javax.", "jdk.", "org.w3c.", "org.xml.", "org.osgi.",
            "org.workbench.api");

    private static final Map<String, Manifest> BUNDLES = new TreeMap<>();
    private static final Map<String, Path> JARS = new TreeMap<>();

    @BeforeAll
    static void readDistribution() throws IOException {
        for (String folder : List.of("bundles", "web", "cluster", "http")) {
            Path dir = HOME.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> jars = Files.list(dir)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        Manifest m = file.getManifest();
                        String name = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
                        if (name != null) {
                            name = name.split(";")[0].trim();
                            BUNDLES.put(name, m);
                            JARS.put(name, jar);
                        }
                    }
                }
            }
        }
        assertTrue(BUNDLES.containsKey("org.workbench.engine"), "no engine bundle under " + HOME);
    }

    @Test
    void theEngineExportsNothing() {
        String exports = BUNDLES.get("org.workbench.engine").getMainAttributes().getValue("Export-Package");
        assertEquals(null, exports, "the engine bundle exports " + exports);
    }

    @Test
    void pluginsImportOnlyTheApiTheJdkOsgiAndLibraries() {
        Set<String> libraryPackages = new HashSet<>();
        for (Map.Entry<String, Manifest> e : BUNDLES.entrySet()) {
            if (!e.getKey().startsWith("org.workbench.") || isLibrary(e.getKey())) {
                libraryPackages.addAll(packages(e.getValue().getMainAttributes().getValue("Export-Package")));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Manifest> e : BUNDLES.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("org.workbench.") || NOT_PLUGINS.contains(name) || isLibrary(name)) {
                continue;
            }
            for (String p : packages(e.getValue().getMainAttributes().getValue("Import-Package"))) {
                if (ALWAYS.stream().noneMatch(p::startsWith) && !libraryPackages.contains(p)) {
                    wrong.add(name + " imports " + p);
                }
            }
        }
        assertEquals(List.of(), wrong, "a plugin may import only the API, the JDK, OSGi and library bundles' packages");
    }

    @Test
    void theEnginesPackagesFormNoCycle() {
        Map<String, Set<String>> graph = enginePackageGraph();
        List<Set<String>> cycles = new StronglyConnected(graph).components().stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(), cycles, "engine packages that depend on each other (package graph: " + graph + ")");
    }

    private static boolean isLibrary(String name) {
        return name.startsWith("org.workbench.lib-") || name.equals("org.workbench.diagnostics");
    }

    private static Set<String> packages(String header) {
        Set<String> out = new TreeSet<>();
        if (header == null) {
            return out;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(clause.toString().split(";")[0].trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return out;
    }

    /** Package to packages it uses, inside the engine, from the class files ({@code jdeps}). */
    private static Map<String, Set<String>> enginePackageGraph() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none",
                "-e", "org\\.workbench\\.engine.*", JARS.get("org.workbench.engine").toString());
        assertEquals(0, status, out.toString());
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("org.workbench.engine.")) {
                String from = f[0].substring("org.workbench.engine.".length());
                String to = f[2].substring("org.workbench.engine.".length());
                graph.computeIfAbsent(from, k -> new TreeSet<>());
                if (!from.equals(to)) {
                    graph.get(from).add(to);
                }
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components. */
    private static final class StronglyConnected {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<Set<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return components;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}

package org.workbench.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.engine.catalog.OnDemandBundles;

/**
 * An executor on demand declares its short options in its jar's component descriptor: they are read
 * from the jar, and an option of a run that no executor declares no longer starts the cluster's
 * bundles to find out.
 */
class DeclaredExecutorOptionsTest {
    private static final String EXECUTOR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="org.example.ClusterExecutor">
              <property name="workbench.kind" type="String" value="executor"/>
              <property name="workbench.name" type="String" value="cluster"/>
              <property name="workbench.options" type="String">--join=join
            --no-fetch=fetch=false</property>
              <service><provide interface="org.workbench.api.Provider"/></service>
              <implementation class="org.example.ClusterExecutor"/>
            </scr:component>
            """;
    private static final String TASK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="org.example.Task">
              <property name="workbench.options" type="String" value="--not-an-executor=x"/>
              <property name="workbench.kind" type="String" value="task"/>
              <implementation class="org.example.Task"/>
            </scr:component>
            """;

    @TempDir
    Path folder;

    @Test
    void theExecutorsOfAJarDeclareTheirOptionsInTheirDescriptors() throws Exception {
        Path jar = jar("executor.jar", Map.of("OSGI-INF/executor.xml", EXECUTOR, "OSGI-INF/task.xml", TASK));
        Path plain = Files.writeString(folder.resolve("not-a-jar.jar"), "x");
        assertEquals(List.of("--join=join", "--no-fetch=fetch=false"), DeclaredExecutorOptions.of(List.of(plain, jar)));
    }

    @Test
    void anUnknownOptionIsCheckedAgainstTheJarsWithoutStartingTheirBundles() throws Exception {
        Path jar = jar("executor.jar", Map.of("OSGI-INF/executor.xml", EXECUTOR));
        List<String> started = new ArrayList<>();
        OnDemandBundles onDemand = new OnDemandBundles() {
            @Override
            public String start(String name) {
                started.add(name);
                return null;
            }

            @Override
            public List<Path> jars(String name) {
                return name.equals(OnDemandBundles.CLUSTER) ? List.of(jar) : List.of();
            }
        };
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandContext context = new CommandContext(List::of, null, Map.of(), new Versions("1", "1", "none"), false,
                List::of, new org.workbench.engine.run.ActiveRuns(), org.workbench.engine.catalog.BundleJars.NONE, onDemand, quiet, quiet);
        Map<String, ExecutorAliases.Alias> declared = new ExecutorOptions(context).declared(null);
        assertEquals(new ExecutorAliases.Alias("join", null), declared.get("--join"));
        assertEquals(new ExecutorAliases.Alias("fetch", "false"), declared.get("--no-fetch"));
        assertTrue(started.isEmpty(), "nothing started: " + started);
        new ExecutorOptions(context).declared("cluster");
        assertEquals(List.of(OnDemandBundles.CLUSTER), started, "a run on a named executor with members needs its bundles");
    }

    private Path jar(String name, Map<String, String> descriptors) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Service-Component", String.join(",", descriptors.keySet()));
        Path jar = folder.resolve(name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> d : descriptors.entrySet()) {
                out.putNextEntry(new JarEntry(d.getKey()));
                out.write(d.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.write(jar, bytes.toByteArray());
        return jar;
    }
}

package org.workbench.engine.cli;

import java.util.List;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: the workbench (the engine bundle), the API it implements, the
 * OSGi framework and the Java runtime.
 *
 * @param workbench  the engine bundle's version
 * @param apiVersion the API's version as a Maven artifact version ({@code org.workbench:api}), which
 *                   the plugin scaffold depends on
 * @param framework  the framework's symbolic name and version
 */
public record Versions(String workbench, String apiVersion, String framework) implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return List.of("workbench " + workbench, "api org.workbench.api " + apiVersion, "framework " + framework,
                "java " + System.getProperty("java.vendor") + " " + System.getProperty("java.version")).toArray(String[]::new);
    }
}

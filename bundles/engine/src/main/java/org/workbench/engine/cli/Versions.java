package org.workbench.engine.cli;

import java.util.List;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: the workbench (the engine bundle), the API it implements, the
 * OSGi framework and the Java runtime.
 *
 * @param workbench the engine bundle's version
 * @param api       the API bundle's symbolic name and version
 * @param framework the framework's symbolic name and version
 */
public record Versions(String workbench, String api, String framework) implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return List.of("workbench " + workbench, "api " + api, "framework " + framework,
                "java " + System.getProperty("java.vendor") + " " + System.getProperty("java.version")).toArray(String[]::new);
    }
}

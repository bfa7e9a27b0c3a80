package org.workbench.api.execution;

/**
 * One exact bundle a unit needs, checked by symbolic name, version and the SHA-256 of its jar.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      its exact version
 * @param sha256       hex SHA-256 of its jar ("" when the coordinator could not read the jar)
 */
public record BundlePin(String symbolicName, String version, String sha256) {
    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}

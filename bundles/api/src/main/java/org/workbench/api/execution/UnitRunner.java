package org.workbench.api.execution;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's side of execution: turns a unit into its result, as JSON text. Registered as a
 * service by the engine, so that an executor's member runs units with the bundles it has; the
 * coordinator hands executors its own runner, which computes local units in process.
 */
@ProviderType
public interface UnitRunner {
    /**
     * Runs one unit here.
     *
     * @param jars where to fetch a pinned bundle this framework lacks
     * @param here an executor for units this unit fans out in turn, or {@code null} to run them here
     * @return the unit's result as JSON text
     * @throws MissingBundleException when a pinned bundle is missing and cannot be had
     * @throws Exception              when the unit fails (the message says why)
     */
    String run(Unit unit, JarSource jars, Executor here) throws Exception;

    /**
     * The jar of a pinned bundle that this framework runs, for a member that lacks it; empty when
     * this runner cannot serve jars.
     */
    default Optional<byte[]> jar(BundlePin pin) throws Exception {
        return Optional.empty();
    }

    /**
     * This framework's OSGi repository of the jars of {@code pins} it runs, for members that lack one
     * ({@link RepositorySource}): the R5 index under {@link RepositorySource#INDEX} and each jar under
     * the path the index gives it; empty when this runner cannot serve jars.
     *
     * @since 1.3
     */
    default Map<String, byte[]> repository(Collection<BundlePin> pins) throws Exception {
        return Map.of();
    }

    /**
     * The hex SHA-256 of the jar behind this framework's bundle of the pin's symbolic name and
     * version ({@code ""} when it cannot be read), or empty when there is no such bundle here: what a
     * member compares with a unit's pins before it runs the unit.
     *
     * @since 1.3
     */
    default Optional<String> sha256(BundlePin pin) {
        return Optional.empty();
    }
}

package org.workbench.api.execution;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a member fetches a bundle it lacks. The engine fetches only through a {@link RepositorySource}
 * (the coordinator's repository, checked as the plugin repository checks any download); any other
 * source, {@link #NONE} included, gives nothing.
 */
@ConsumerType
@FunctionalInterface
public interface JarSource {
    /** No jars anywhere. */
    JarSource NONE = pin -> Optional.empty();

    /** The jar's bytes, or empty when the source does not have it. */
    Optional<byte[]> jar(BundlePin pin) throws Exception;
}

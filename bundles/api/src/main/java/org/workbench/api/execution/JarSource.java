package org.workbench.api.execution;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/** Where a member fetches a bundle it lacks: the coordinator's jar, which the engine checks before installing it. */
@ConsumerType
@FunctionalInterface
public interface JarSource {
    /** No jars anywhere. */
    JarSource NONE = pin -> Optional.empty();

    /** The jar's bytes, or empty when the source does not have it. */
    Optional<byte[]> jar(BundlePin pin) throws Exception;
}

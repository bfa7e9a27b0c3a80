package org.workbench.api.execution;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a member gets a pinned bundle it lacks through the plugin repository's mechanism: the
 * coordinator's OSGi repository of the unit's pinned jars, an R5 index ({@value #INDEX}) and the jars
 * it names, each by its path relative to the index ({@link UnitRunner#repository}). The engine reads
 * the index with the repository's code, checks the index's {@code osgi.content} SHA-256 against the
 * pin and the jar's bytes against the index, and only then installs it.
 *
 * @since 1.3
 */
@ConsumerType
public interface RepositorySource extends JarSource {
    /** The index's path. */
    String INDEX = "index.xml";

    /** A file of the repository ({@value #INDEX} or a path the index names), or empty when it has none. */
    Optional<byte[]> file(String path) throws Exception;

    /** A repository hands out jars only through its index ({@link #file}): never a jar by its pin. */
    @Override
    default Optional<byte[]> jar(BundlePin pin) {
        return Optional.empty();
    }
}

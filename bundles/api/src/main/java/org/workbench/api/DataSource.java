package org.workbench.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/** A component of kind {@code data}: loads or generates a data set. */
@ConsumerType
public interface DataSource {
    /**
     * Loads the data. Generated data is drawn from the component's own seed, so the same seed
     * gives the same data.
     */
    Dataset load() throws IOException;
}

package org.workbench.api.nn;

import org.osgi.annotation.versioning.ConsumerType;
import org.workbench.api.ResultTree;

/**
 * A {@link Backend} that says, as structured data, how it ran the products so far, beside its brief
 * {@code toString()}: e.g. the kernel each shape of product ran, where the choice came from and every
 * candidate's time it was chosen by. A training task records it under {@code backendDetails} in its
 * results. Since 1.1.
 */
@ConsumerType
public interface BackendDetails {
    /** A new tree of names, strings and numbers describing the products run so far. */
    ResultTree details();
}

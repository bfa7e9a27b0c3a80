/**
 * The workbench's core contract: providers of components, their declared parameters, the run
 * context that the engine hands them, and the value types that flow between them (data sets,
 * result trees, plots).
 *
 * <p>Plugins implement {@link org.workbench.api.Provider} and register it as an OSGi service with
 * the properties {@link org.workbench.api.Provider#KIND} and {@link org.workbench.api.Provider#NAME};
 * the engine implements everything marked {@code @ProviderType}.
 */
@Export
@Version("1.4.0")
package org.workbench.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

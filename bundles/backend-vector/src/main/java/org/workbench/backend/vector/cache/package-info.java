/**
 * The kernel choices the vector backend measured, kept per CPU model, JDK and shape class in the
 * workbench's cache folder ({@code kernels.json} in {@code $WORKBENCH_CACHE}, else
 * {@code $XDG_CACHE_HOME/workbench}, else {@code ~/.cache/workbench}): read and written by the
 * backend, shown and reset by the engine's {@code kernels} command, which imports it optionally.
 * Exported without importing it back, so the backend stays a plugin that imports only the API, the
 * JDK, OSGi and libraries (BundleRulesIT). 2.0.0: {@code KernelCache.measuredHere()} removed (no caller);
 * {@link org.workbench.backend.vector.cache.RunChoice}, the set of plans a run uses, added.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("2.0.0")
package org.workbench.backend.vector.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * The kernel choices the vector backend measured, kept per CPU model, JDK and shape class in the
 * user's cache folder ({@code $XDG_CACHE_HOME/workbench/kernels.json}, else
 * {@code ~/.cache/workbench/kernels.json}): read and written by the backend, shown and reset by the
 * {@code kernels} command.
 */
@Export
@Version("1.0.0")
package org.workbench.backend.vector.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

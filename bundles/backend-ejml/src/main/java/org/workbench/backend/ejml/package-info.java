/**
 * The EJML backend as a class, exported so that tasks can fall back to it when a descriptor
 * names no {@code backend} component (a task cannot look services up itself). Everything else
 * in this bundle is private.
 */
@Export
@Version("1.0.0")
package org.workbench.backend.ejml;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

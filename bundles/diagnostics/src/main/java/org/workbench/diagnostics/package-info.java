/**
 * MCMC convergence diagnostics (rank-normalised split R-hat, bulk and tail ESS, Monte-Carlo
 * standard errors) and the per-coordinate posterior summary that every sampler reports. A library
 * bundle: samplers import this package, so a fix here reaches all of them at once.
 */
@Export
@Version("1.1.0")
package org.workbench.diagnostics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

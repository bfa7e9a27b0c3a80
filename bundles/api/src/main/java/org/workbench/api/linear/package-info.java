/**
 * Bayesian linear regression y = X w + eps: the MAP problem with a Laplace prior
 * ({@link org.workbench.api.linear.LassoProblem}, solved by a
 * {@link org.workbench.api.linear.MapSolver} of kind {@code optimizer}), posterior samplers
 * ({@link org.workbench.api.linear.PosteriorSampler}, kind {@code sampler}) and their summaries,
 * and simulated data that knows its true weights
 * ({@link org.workbench.api.linear.SimulatedRegression}). Matrices are row-major {@code double[]}.
 */
@Export
@Version("1.1.0")
package org.workbench.api.linear;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

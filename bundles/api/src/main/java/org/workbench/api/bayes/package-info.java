/**
 * Priors and likelihoods. A task that knows a conjugate form asks whether a component is a
 * {@link org.workbench.api.bayes.GaussianPrior} or {@link org.workbench.api.bayes.LaplacePrior};
 * any other {@link org.workbench.api.bayes.Prior} still works through its log density.
 */
@Export
@Version("1.0.0")
package org.workbench.api.bayes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

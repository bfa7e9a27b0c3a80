/**
 * Neural networks written from scratch: {@link org.workbench.api.nn.Layer layers} (kind
 * {@code layer}), {@link org.workbench.api.nn.Loss losses} (kind {@code loss}),
 * {@link org.workbench.api.nn.GradientOptimizer gradient optimizers} (kind {@code optimizer}) and
 * {@link org.workbench.api.nn.Backend backends} (kind {@code backend}) for the dense products on
 * hot paths. Batches and parameters travel as {@link org.workbench.api.nn.Matrix} (row-major,
 * float or double); {@link org.workbench.api.nn.Network} runs a descriptor's array of layers in order.
 */
@Export
@Version("1.1.0")
package org.workbench.api.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

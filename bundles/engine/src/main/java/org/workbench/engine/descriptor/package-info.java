/**
 * Descriptors as written: strict JSON parsing ({@code StrictJson}), the {@code Descriptor} model of
 * format 1 with its roles, sweeps and plots, and command-line overrides ({@code Overrides}). Knows
 * nothing of providers; depends only on {@code input} for its errors.
 */
package org.workbench.engine.descriptor;

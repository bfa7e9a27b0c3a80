/**
 * The EJML backend: dense products through EJML's row-major operations. Private to this bundle;
 * tasks reach it as the {@code ejml} provider of kind {@code backend}, which the engine also puts
 * in a task's optional {@code backend} role when a descriptor leaves it out.
 */
package org.workbench.backend.ejml;

package org.workbench.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The values of a table by row and column, as a component hands generated data to
 * {@link ComponentContext#generated}: {@code (row, column) -> x[row * p + column]}.
 *
 * @since 1.2
 */
@ConsumerType
@FunctionalInterface
public interface Cells {
    /** The value at {@code row} and {@code column} (both from 0). */
    double value(int row, int column);
}

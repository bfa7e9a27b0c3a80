package org.workbench.api.linear;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component of kind {@code optimizer} that finds the MAP of a {@link LassoProblem}. Each call is
 * independent (no state is kept between calls), so one solver may serve a path of problems.
 */
@ConsumerType
public interface MapSolver {
    /**
     * Minimises {@link LassoProblem#objective}.
     *
     * @param problem the problem; not modified
     * @param start   a warm start of length p, or {@code null} to start at the prior location mu; not modified
     */
    MapEstimate solve(LassoProblem problem, double[] start);
}

package org.workbench.api.linear;

/**
 * The result of a {@link MapSolver}.
 *
 * @param w           the minimiser found (copied on the way in and out)
 * @param objective   F(w) in the units of {@link LassoProblem#objective}
 * @param dualityGap  a certified bound on F(w) - min F, same units
 * @param iterations  passes over the coordinates (coordinate descent) or gradient steps (proximal gradient)
 * @param converged   whether the solver's stopping rule was met before its iteration limit
 */
public record MapEstimate(double[] w, double objective, double dualityGap, long iterations, boolean converged) {
    public MapEstimate {
        w = w.clone();
    }

    @Override
    public double[] w() {
        return w.clone();
    }
}

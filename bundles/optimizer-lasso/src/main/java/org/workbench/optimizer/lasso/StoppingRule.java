package org.workbench.optimizer.lasso;

/** The stopping rule both MAP solvers share: a certified duality gap relative to the objective. */
final class StoppingRule {
    /** The description of parameter {@code tolerance}: both solvers stop when gap <= tolerance * max(1, F). */
    static final String TOLERANCE = "stop when the certified duality gap <= tolerance * max(1, objective)";
    /** The default of parameter {@code tolerance}. */
    static final String TOLERANCE_DEFAULT = "1e-10";

    private StoppingRule() {
    }
}

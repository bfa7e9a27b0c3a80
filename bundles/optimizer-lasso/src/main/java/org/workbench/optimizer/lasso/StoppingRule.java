package org.workbench.optimizer.lasso;

import org.workbench.api.Parameter;

/** The stopping rule both MAP solvers share: a certified duality gap relative to the objective. */
final class StoppingRule {
    /** Parameter {@code tolerance}: both solvers stop when gap <= tolerance * max(1, F). */
    static final Parameter TOLERANCE = Parameter.number("tolerance",
            "stop when the certified duality gap <= tolerance * max(1, objective)").withDefault(1e-10).greaterThan(0);

    private StoppingRule() {
    }
}

package org.workbench.task.bayesianlinearregression;

import java.util.List;

import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Role;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.linear.MapSolver;
import org.workbench.api.linear.PosteriorSampler;

/** The roles of task {@code bayesian-linear-regression}, shared by its provider and the task. */
final class Roles {
    static final Role<DataSource> DATA = Role.one("data", Kinds.DATA, DataSource.class);
    static final Role<LaplacePrior> PRIOR = Role.one("prior", Kinds.PRIOR, LaplacePrior.class);
    static final Role<GaussianLikelihood> LIKELIHOOD =
            Role.one("likelihood", Kinds.LIKELIHOOD, GaussianLikelihood.class);
    static final Role<MapSolver> OPTIMIZER = Role.one("optimizer", Kinds.OPTIMIZER, MapSolver.class);
    static final Role<PosteriorSampler> SAMPLER = Role.optional("sampler", Kinds.SAMPLER, PosteriorSampler.class);

    /** Every role, in the order the engine creates them. */
    static final List<Role<?>> ALL = List.of(DATA, PRIOR, LIKELIHOOD, OPTIMIZER, SAMPLER);

    private Roles() {
    }
}

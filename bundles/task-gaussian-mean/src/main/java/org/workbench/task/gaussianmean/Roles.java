package org.workbench.task.gaussianmean;

import java.util.List;

import org.workbench.api.DataSource;
import org.workbench.api.Kinds;
import org.workbench.api.Role;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;

/** The roles of task {@code gaussian-mean}, shared by its provider and the task. */
final class Roles {
    static final Role<DataSource> DATA = Role.one("data", Kinds.DATA, DataSource.class);
    static final Role<Prior> PRIOR = Role.one("prior", Kinds.PRIOR, Prior.class);
    static final Role<Likelihood> LIKELIHOOD = Role.one("likelihood", Kinds.LIKELIHOOD, Likelihood.class);

    /** Every role, in the order the engine creates them. */
    static final List<Role<?>> ALL = List.of(DATA, PRIOR, LIKELIHOOD);

    private Roles() {
    }
}

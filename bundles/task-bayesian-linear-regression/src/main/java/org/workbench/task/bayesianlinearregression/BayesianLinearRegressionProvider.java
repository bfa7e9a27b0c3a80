package org.workbench.task.bayesianlinearregression;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Role;
import org.workbench.api.Task;
import org.workbench.api.TaskProvider;
import org.workbench.api.WorkbenchProvider;

/** Provides task {@code bayesian-linear-regression} (homework 3, problem 2). */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.TASK, name = "bayesian-linear-regression",
        summary = "Laplace-prior linear regression: log posterior, MAP (lasso), posterior mean, tau path, MAP vs mean study")
public final class BayesianLinearRegressionProvider implements TaskProvider {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.vector("tauGrid", "prior scales tau for the MAP coefficient path and tau_critical").optional()
                    .greaterThan(0),
            Parameter.integer("replications", "replications of the whole generating process for the MAP vs posterior-mean study (0: none)")
                    .withDefault(0).atLeast(0),
            Parameter.integer("testSize", "held-out rows per study replication for the test MSE").withDefault(1000).atLeast(1));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Role<?>> roles() {
        return Roles.ALL;
    }

    @Override
    public Task create(Parameters parameters, ComponentContext context) {
        double[] tauGrid = parameters.has("tauGrid") ? parameters.vector("tauGrid") : new double[0];
        return new BayesianLinearRegressionTask(tauGrid, parameters.intValue("replications"),
                parameters.intValue("testSize"));
    }
}

package org.workbench.task.gaussianmean;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.Role;
import org.workbench.api.Task;
import org.workbench.api.TaskProvider;
import org.workbench.api.WorkbenchProvider;

/**
 * Provides task {@code gaussian-mean} (problem 1): the posterior of the mean mu of x = mu + eps,
 * the MLE, the MAP and the posterior and plug-in predictives, by conjugate closed form when the
 * prior and likelihood are Gaussian and always also by quadrature, which serves any prior.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.TASK, name = "gaussian-mean", light = true,
        summary = "Posterior, MLE, MAP and predictives of a Gaussian mean (closed form and quadrature)")
public final class GaussianMeanTaskProvider implements TaskProvider {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "relative error bound of the posterior quadrature", defaultValue = "1e-12", greaterThan = 0,
                    atMost = 1e-3) double tolerance,
            @Setting(value = "draw the posterior and predictive densities (turn off in long sweeps)",
                    defaultValue = "true") boolean plots,
            @Setting(value = "points per density curve", defaultValue = "201", atLeast = 11, atMost = 20001)
            int plotPoints) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    /** What {@code run} writes; experiments/README.md's "Result keys" section says what each means. */
    @Override
    public List<String> resultKeys() {
        return List.of("method", "n", "sum", "signOfSum", "sampleMean", "noiseVariance", "mle", "map",
                "posterior.mean", "posterior.variance", "predictive.mean", "predictive.variance", "pluginMle.mean",
                "pluginMle.variance", "pluginMap.mean", "pluginMap.variance", "mapMinusPredictiveMean",
                "predictiveVarianceMinusPluginVariance", "ratioMapOverMle", "mleMinusMap", "mleComparedToMap",
                "shrinkage.factor", "shrinkage.priorMean", "shrinkage.map", "shrinkage.formula", "quadrature.mean",
                "quadrature.variance", "quadrature.map", "quadrature.lower", "quadrature.upper",
                "quadrature.tolerance", "quadrature.estimatedRelativeError", "quadrature.converged",
                "quadrature.intervals", "quadrature.evaluations", "quadrature.maxAbsDifference",
                "quadrature.relativeVarianceDifference", "softThreshold.threshold", "softThreshold.map",
                "softThreshold.quadratureMinusClosedForm");
    }

    @Override
    public List<Role<?>> roles() {
        return Roles.ALL;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Task create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new GaussianMeanTask(s.tolerance(), s.plots(), s.plotPoints());
    }
}

package org.workbench.prior.gaussian;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.bayes.GaussianPrior;

/** Provides prior {@code gaussian}: independent N(mean_i, variance_i) per coordinate. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.PRIOR, name = "gaussian",
        summary = "Independent Gaussian per coordinate; conjugate to a Gaussian likelihood")
public final class GaussianPriorProvider implements Provider<GaussianPrior> {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.numberOrVector("mean", "mean of each coordinate (a number applies to all)").withDefault(0.0),
            Parameter.numberOrVector("variance", "variance tau^2 of each coordinate (a number applies to all)")
                    .withDefault(1.0).greaterThan(0));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GaussianPrior create(Parameters parameters, ComponentContext context) {
        return new IndependentGaussian(parameters.perCoordinate("mean"), parameters.perCoordinate("variance"));
    }
}

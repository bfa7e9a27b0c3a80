package org.workbench.prior.laplace;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.bayes.LaplacePrior;

/** Provides prior {@code laplace}: independent Laplace(location_i, scale_i) per coordinate. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.PRIOR, name = "laplace",
        summary = "Independent Laplace per coordinate, exp(-|w - mu|/tau)/(2 tau); MAP gives the lasso")
public final class LaplacePriorProvider implements Provider<LaplacePrior> {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.numberOrVector("location", "location mu of each coordinate (a number applies to all)")
                    .withDefault(0.0),
            Parameter.numberOrVector("scale", "scale tau of each coordinate (a number applies to all)")
                    .withDefault(1.0).greaterThan(0));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public LaplacePrior create(Parameters parameters, ComponentContext context) {
        return new IndependentLaplace(parameters.perCoordinate("location"), parameters.perCoordinate("scale"));
    }
}

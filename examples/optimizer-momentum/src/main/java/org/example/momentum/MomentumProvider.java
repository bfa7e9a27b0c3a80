package org.example.momentum;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.GradientOptimizer;

/** Provides optimizer {@code momentum}: SGD with heavy-ball momentum. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.OPTIMIZER, name = "momentum",
        summary = "SGD with heavy-ball momentum; keeps its velocity across hot swaps (example plugin)")
public final class MomentumProvider implements Provider<GradientOptimizer> {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("learningRate", "step size eta").withDefault(0.1).greaterThan(0),
            Parameter.number("momentum", "beta: the fraction of the previous velocity kept each step")
                    .withDefault(0.9).atLeast(0).lessThan(1));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GradientOptimizer create(Parameters parameters, ComponentContext context) {
        return new Momentum(parameters.number("learningRate"), parameters.number("momentum"));
    }
}

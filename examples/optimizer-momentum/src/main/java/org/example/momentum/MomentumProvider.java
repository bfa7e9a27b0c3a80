package org.example.momentum;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.GradientOptimizer;

/** Provides optimizer {@code momentum}: SGD with heavy-ball momentum. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.OPTIMIZER, name = "momentum",
        summary = "SGD with heavy-ball momentum; keeps its velocity across hot swaps (example plugin)")
public final class MomentumProvider implements Provider<GradientOptimizer> {
    /** The parameters, each declared once: {@link Parameter#declaredBy} derives them, {@link Parameters#as} reads them. */
    record Settings(
            @Setting(value = "step size eta", defaultValue = "0.1", greaterThan = 0) double learningRate,
            @Setting(value = "beta: the fraction of the previous velocity kept each step", defaultValue = "0.9",
                    atLeast = 0, lessThan = 1) double momentum) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GradientOptimizer create(Parameters parameters, ComponentContext context) {
        Settings settings = parameters.as(Settings.class);
        return new Momentum(settings.learningRate(), settings.momentum());
    }
}

package org.workbench.optimizer.sgd;

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

/** Provides optimizer {@code sgd}: stochastic gradient descent with a fixed learning rate. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.OPTIMIZER, name = "sgd",
        summary = "Stochastic gradient descent: theta -= learningRate * gradient")
public final class SgdProvider implements Provider<GradientOptimizer> {
    /** The parameters, each declared once. */
    record Settings(@Setting(value = "step size multiplying the gradient", defaultValue = "0.1", greaterThan = 0)
            double learningRate) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GradientOptimizer create(Parameters parameters, ComponentContext context) {
        return new Sgd(parameters.as(Settings.class).learningRate());
    }
}

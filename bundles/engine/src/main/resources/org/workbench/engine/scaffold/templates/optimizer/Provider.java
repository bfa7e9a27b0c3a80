package {{package}};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.GradientOptimizer;

/** Provides optimizer {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.OPTIMIZER, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements Provider<GradientOptimizer> {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("learningRate", "step size eta").withDefault(0.1).greaterThan(0),
            Parameter.number("weightDecay", "lambda: pulls every weight towards 0 each step").withDefault(0.0).atLeast(0));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GradientOptimizer create(Parameters parameters, ComponentContext context) {
        return new {{exampleClass}}(parameters.number("learningRate"), parameters.number("weightDecay"));
    }
}

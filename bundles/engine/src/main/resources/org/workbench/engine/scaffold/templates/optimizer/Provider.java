package {{package}};

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

/** Provides optimizer {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.OPTIMIZER, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements Provider<GradientOptimizer> {
    /** The parameters, each declared once: {@link Parameter#declaredBy} derives them, {@link Parameters#as} reads them. */
    record Settings(
            @Setting(value = "step size eta", defaultValue = "0.1", greaterThan = 0) double learningRate,
            @Setting(value = "lambda: pulls every weight towards 0 each step", defaultValue = "0", atLeast = 0)
            double weightDecay) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GradientOptimizer create(Parameters parameters, ComponentContext context) {
        Settings settings = parameters.as(Settings.class);
        return new {{exampleClass}}(settings.learningRate(), settings.weightDecay());
    }
}

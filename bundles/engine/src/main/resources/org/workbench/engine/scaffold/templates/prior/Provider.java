package {{package}};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.bayes.Prior;

/** Provides prior {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.PRIOR, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements Provider<Prior> {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("location", "centre of every coordinate").withDefault(0.0),
            Parameter.number("scale", "scale s of every coordinate").withDefault(1.0).greaterThan(0));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Prior create(Parameters parameters, ComponentContext context) {
        return new {{exampleClass}}(parameters.number("location"), parameters.number("scale"));
    }
}

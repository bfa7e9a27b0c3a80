package {{package}};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.DataSource;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;

/** Provides data {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements Provider<DataSource> {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("n", "number of examples").withDefault(100).atLeast(1),
            Parameter.integer("dimension", "number of features").withDefault(2).atLeast(1),
            Parameter.number("separation", "distance between the class means on each feature").withDefault(2.0).atLeast(0));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        return new {{exampleClass}}(Math.toIntExact(parameters.integer("n")), Math.toIntExact(parameters.integer("dimension")),
                parameters.number("separation"), context.random());
    }
}

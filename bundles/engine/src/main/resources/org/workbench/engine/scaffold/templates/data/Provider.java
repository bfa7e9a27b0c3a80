package {{package}};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.DataSource;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;

/** Provides data {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class, property = {
        Provider.KIND + "=data",
        Provider.NAME + "={{name}}",
        Provider.SUMMARY + "={{summary}}" })
public final class {{className}}Provider implements Provider<DataSource> {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("n", "number of examples").withDefault(100).atLeast(1),
            Parameter.integer("dimension", "number of features").withDefault(2).atLeast(1),
            Parameter.number("separation", "distance between the class means on each feature").withDefault(2.0).atLeast(0));

    @Override
    public Class<DataSource> type() {
        return DataSource.class;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        return new {{className}}(Math.toIntExact(parameters.integer("n")), Math.toIntExact(parameters.integer("dimension")),
                parameters.number("separation"), context.random());
    }
}

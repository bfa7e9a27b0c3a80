package {{package}};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.DataSource;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;

/** Provides data {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.DATA, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements Provider<DataSource> {
    /** The parameters, each declared once: {@link Parameter#declaredBy} derives them, {@link Parameters#as} reads them. */
    record Settings(
            @Setting(value = "number of examples", defaultValue = "100", atLeast = 1) int n,
            @Setting(value = "number of features", defaultValue = "2", atLeast = 1) int dimension,
            @Setting(value = "distance between the class means on each feature", defaultValue = "2", atLeast = 0)
            double separation) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public DataSource create(Parameters parameters, ComponentContext context) {
        Settings settings = parameters.as(Settings.class);
        return new {{exampleClass}}(settings.n(), settings.dimension(), settings.separation(), context.random());
    }
}

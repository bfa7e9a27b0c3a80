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
import org.workbench.api.bayes.Prior;

/** Provides prior {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.PRIOR, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements Provider<Prior> {
    /** The parameters, each declared once: {@link Parameter#declaredBy} derives them, {@link Parameters#as} reads them. */
    record Settings(
            @Setting(value = "centre of every coordinate", defaultValue = "0") double location,
            @Setting(value = "scale s of every coordinate", defaultValue = "1", greaterThan = 0) double scale) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Prior create(Parameters parameters, ComponentContext context) {
        Settings settings = parameters.as(Settings.class);
        return new {{exampleClass}}(settings.location(), settings.scale());
    }
}

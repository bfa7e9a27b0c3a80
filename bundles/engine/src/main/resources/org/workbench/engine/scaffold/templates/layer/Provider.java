package {{package}};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.Layer;

/** Provides layer {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.LAYER, name = "{{name}}", summary = "{{summary}}")
public final class {{className}}Provider implements Provider<Layer> {
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Layer create(Parameters parameters, ComponentContext context) {
        return new {{exampleClass}}();
    }
}

package {{package}};

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.nn.Loss;

/** Provides loss {@code {{name}}}: declares its parameters and creates a fresh component per run. */
@Component(service = Provider.class, property = {
        Provider.KIND + "=loss",
        Provider.NAME + "={{name}}",
        Provider.SUMMARY + "={{summary}}" })
public final class {{className}}Provider implements Provider<Loss> {
    @Override
    public Class<Loss> type() {
        return Loss.class;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Loss create(Parameters parameters, ComponentContext context) {
        return new {{className}}();
    }
}

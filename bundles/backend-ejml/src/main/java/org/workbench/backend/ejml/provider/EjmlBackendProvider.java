package org.workbench.backend.ejml.provider;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.Backend;
import org.workbench.backend.ejml.EjmlBackend;

/** Provides backend {@code ejml}: the layers' dense products through EJML. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.BACKEND, name = "ejml",
        summary = "Dense products through EJML (portable; the default where the JVM lacks jdk.incubator.vector)")
public final class EjmlBackendProvider implements Provider<Backend> {
    /** The parameters, each declared once. */
    record Settings(@Setting(value = "use EJML's multi-threaded products", defaultValue = "true") boolean concurrent) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Backend create(Parameters parameters, ComponentContext context) {
        return new EjmlBackend(parameters.as(Settings.class).concurrent());
    }
}

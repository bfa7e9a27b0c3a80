package org.workbench.backend.vector;

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

/** Provides backend {@code vector}: SIMD matrix products through {@code jdk.incubator.vector}. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.BACKEND, name = "vector",
        summary = "Packed SIMD products on jdk.incubator.vector over all cores (fast)")
public final class VectorBackendProvider implements Provider<Backend> {
    /** The parameters, each declared once. */
    record Settings(@Setting(value = "cores to split large products over (0 = all available)", defaultValue = "0",
            atLeast = 0) int threads) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Backend create(Parameters parameters, ComponentContext context) {
        int threads = parameters.as(Settings.class).threads();
        return new VectorBackend(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }
}

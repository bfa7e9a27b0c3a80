package org.workbench.backend.vector;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.Backend;

/** Provides backend {@code vector}: SIMD matrix products through {@code jdk.incubator.vector}. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.BACKEND, name = "vector",
        summary = "Packed SIMD products on jdk.incubator.vector over all cores (fast)")
public final class VectorBackendProvider implements Provider<Backend> {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("threads", "cores to split large products over (0 = all available)").withDefault(0).atLeast(0));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Backend create(Parameters parameters, ComponentContext context) {
        int threads = parameters.intValue("threads");
        return new VectorBackend(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }
}

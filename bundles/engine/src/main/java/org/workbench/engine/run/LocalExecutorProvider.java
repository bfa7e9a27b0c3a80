package org.workbench.engine.run;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.execution.Executor;

/** {@code executor/local}: a run's points and units on this machine's cores (the default). */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.EXECUTOR, name = LocalExecutor.MEMBER,
        summary = "This machine's cores (the default executor)")
public final class LocalExecutorProvider implements Provider<Executor> {
    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("threads", "threads for points and units (0: one per core)").withDefault(0L)
                .atLeast(0));
    }

    @Override
    public Executor create(Parameters parameters, ComponentContext context) {
        int threads = parameters.intValue("threads");
        return new LocalExecutor(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }
}

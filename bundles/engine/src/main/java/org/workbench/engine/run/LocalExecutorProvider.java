package org.workbench.engine.run;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.execution.Executor;

/** {@code executor/local}: a run's points and units on this machine's cores (the default). */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.EXECUTOR, name = LocalExecutor.MEMBER,
        summary = "This machine's cores (the default executor)")
public final class LocalExecutorProvider implements Provider<Executor> {
    /** The parameters, each declared once. */
    record Settings(@Setting(value = "threads for points and units (0: one per core)", defaultValue = "0", atLeast = 0)
            int threads) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Executor create(Parameters parameters, ComponentContext context) {
        int threads = parameters.as(Settings.class).threads();
        return new LocalExecutor(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }
}

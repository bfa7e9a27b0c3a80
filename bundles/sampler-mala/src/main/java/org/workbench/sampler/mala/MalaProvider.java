package org.workbench.sampler.mala;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.linear.PosteriorSampler;

/** Provides sampler {@code mala}: Metropolis-adjusted Langevin for any differentiable prior and likelihood. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.SAMPLER, name = "mala",
        summary = "Generic Metropolis-adjusted Langevin sampler with adapted step size and diagonal metric")
public final class MalaProvider implements Provider<PosteriorSampler> {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "draws kept per chain after burn-in", defaultValue = "5000", atLeast = 4) int iterations,
            @Setting(value = "adaptation draws discarded at the start of each chain", defaultValue = "2000",
                    atLeast = 20) int burnIn,
            @Setting(value = "independent chains from prior draws", defaultValue = "4", atLeast = 1) int chains,
            @Setting(value = "acceptance rate the step size adapts to", defaultValue = "0.574", greaterThan = 0,
                    lessThan = 1) double targetAcceptance) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public PosteriorSampler create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new MalaSampler(s.iterations(), s.burnIn(), s.chains(), s.targetAcceptance());
    }
}

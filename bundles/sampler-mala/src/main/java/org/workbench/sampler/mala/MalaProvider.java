package org.workbench.sampler.mala;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.linear.PosteriorSampler;

/** Provides sampler {@code mala}: Metropolis-adjusted Langevin for any differentiable prior and likelihood. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.SAMPLER, name = "mala",
        summary = "Generic Metropolis-adjusted Langevin sampler with adapted step size and diagonal metric")
public final class MalaProvider implements Provider<PosteriorSampler> {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("iterations", "draws kept per chain after burn-in").withDefault(5000).atLeast(4),
            Parameter.integer("burnIn", "adaptation draws discarded at the start of each chain").withDefault(2000).atLeast(20),
            Parameter.integer("chains", "independent chains from prior draws").withDefault(4).atLeast(1),
            Parameter.number("targetAcceptance", "acceptance rate the step size adapts to").withDefault(0.574)
                    .greaterThan(0).lessThan(1));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public PosteriorSampler create(Parameters parameters, ComponentContext context) {
        return new MalaSampler(parameters.intValue("iterations"), parameters.intValue("burnIn"),
                parameters.intValue("chains"), parameters.number("targetAcceptance"));
    }
}

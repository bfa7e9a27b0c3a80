package org.workbench.sampler.gibbslaplace;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.linear.PosteriorSampler;

/** Provides sampler {@code gibbs-laplace}: exact Gibbs for a Laplace prior and Gaussian linear likelihood. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.SAMPLER, name = "gibbs-laplace",
        summary = "Exact Gibbs via the Laplace scale mixture; Rao-Blackwellised mean, split R-hat and ESS")
public final class GibbsLaplaceProvider implements Provider<PosteriorSampler> {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer("iterations", "draws kept per chain after burn-in").withDefault(2000).atLeast(4),
            Parameter.integer("burnIn", "draws discarded at the start of each chain").withDefault(500).atLeast(0),
            Parameter.integer("chains", "independent chains from dispersed starts").withDefault(4).atLeast(1));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public PosteriorSampler create(Parameters parameters, ComponentContext context) {
        return new GibbsLaplaceSampler(parameters.intValue("iterations"), parameters.intValue("burnIn"),
                parameters.intValue("chains"));
    }
}

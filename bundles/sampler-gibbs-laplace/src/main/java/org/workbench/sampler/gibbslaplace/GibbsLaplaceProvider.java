package org.workbench.sampler.gibbslaplace;

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

/** Provides sampler {@code gibbs-laplace}: exact Gibbs for a Laplace prior and Gaussian linear likelihood. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.SAMPLER, name = "gibbs-laplace",
        summary = "Exact Gibbs via the Laplace scale mixture; Rao-Blackwellised mean, split R-hat and ESS")
public final class GibbsLaplaceProvider implements Provider<PosteriorSampler> {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "draws kept per chain after burn-in", defaultValue = "2000", atLeast = 4) int iterations,
            @Setting(value = "draws discarded at the start of each chain", defaultValue = "500", atLeast = 0) int burnIn,
            @Setting(value = "independent chains from dispersed starts", defaultValue = "4", atLeast = 1) int chains) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public PosteriorSampler create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new GibbsLaplaceSampler(s.iterations(), s.burnIn(), s.chains());
    }
}

package org.workbench.likelihood.gaussian;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.bayes.GaussianLikelihood;

/** Provides likelihood {@code gaussian}: observed = predicted + eps with eps ~ N(0, variance). */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.LIKELIHOOD, name = "gaussian",
        summary = "Gaussian noise with known variance sigma^2; conjugate to a Gaussian prior")
public final class GaussianLikelihoodProvider implements Provider<GaussianLikelihood> {
    /** The parameters, each declared once. */
    record Settings(@Setting(value = "noise variance sigma^2", defaultValue = "1", greaterThan = 0) double variance) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GaussianLikelihood create(Parameters parameters, ComponentContext context) {
        return new GaussianNoise(parameters.as(Settings.class).variance());
    }
}

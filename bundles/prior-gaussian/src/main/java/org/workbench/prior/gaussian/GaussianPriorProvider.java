package org.workbench.prior.gaussian;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.PerCoordinate;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.bayes.GaussianPrior;

/** Provides prior {@code gaussian}: independent N(mean_i, variance_i) per coordinate. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.PRIOR, name = "gaussian",
        summary = "Independent Gaussian per coordinate; conjugate to a Gaussian likelihood")
public final class GaussianPriorProvider implements Provider<GaussianPrior> {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "mean of each coordinate (a number applies to all)", defaultValue = "0") PerCoordinate mean,
            @Setting(value = "variance tau^2 of each coordinate (a number applies to all)", defaultValue = "1",
                    greaterThan = 0) PerCoordinate variance) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public GaussianPrior create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new IndependentGaussian(s.mean(), s.variance());
    }
}

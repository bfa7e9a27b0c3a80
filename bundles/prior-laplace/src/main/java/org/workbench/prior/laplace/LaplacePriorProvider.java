package org.workbench.prior.laplace;

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
import org.workbench.api.bayes.LaplacePrior;

/** Provides prior {@code laplace}: independent Laplace(location_i, scale_i) per coordinate. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.PRIOR, name = "laplace",
        summary = "Independent Laplace per coordinate, exp(-|w - mu|/tau)/(2 tau); MAP gives the lasso")
public final class LaplacePriorProvider implements Provider<LaplacePrior> {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "location mu of each coordinate (a number applies to all)", defaultValue = "0")
            PerCoordinate location,
            @Setting(value = "scale tau of each coordinate (a number applies to all)", defaultValue = "1",
                    greaterThan = 0) PerCoordinate scale) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public LaplacePrior create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new IndependentLaplace(s.location(), s.scale());
    }
}

package org.example.studentt;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.bayes.Prior;

/**
 * Provides prior {@code student-t}: independent Student-t per coordinate with a location, a scale
 * and degrees of freedom nu. As nu grows it approaches the Gaussian; with small nu its heavy tails
 * let strong data pull the posterior far from the location.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.PRIOR, name = "student-t",
        summary = "Heavy-tailed Student-t per coordinate (example plugin)")
public final class StudentTPriorProvider implements Provider<Prior> {
    /** The parameters, each declared once: {@link Parameter#declaredBy} derives them, {@link Parameters#as} reads them. */
    record Settings(
            @Setting(value = "centre of every coordinate", defaultValue = "0") double location,
            @Setting(value = "scale s of every coordinate", defaultValue = "1", greaterThan = 0) double scale,
            @Setting(value = "nu: 1 is Cauchy, large nu approaches the Gaussian", defaultValue = "3", greaterThan = 0)
            double degreesOfFreedom) {
    }

    private static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Prior create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new StudentT(s.location(), s.scale(), s.degreesOfFreedom());
    }
}

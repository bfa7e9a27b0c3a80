package org.example.studentt;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
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
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("location", "centre of every coordinate").withDefault(0.0),
            Parameter.number("scale", "scale s of every coordinate").withDefault(1.0).greaterThan(0),
            Parameter.number("degreesOfFreedom", "nu: 1 is Cauchy, large nu approaches the Gaussian")
                    .withDefault(3.0).greaterThan(0));

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    /** The parameters, typed: each component reads the parameter of its name. */
    record Settings(double location, double scale, double degreesOfFreedom) {
    }

    @Override
    public Prior create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new StudentT(s.location(), s.scale(), s.degreesOfFreedom());
    }
}

package org.workbench.optimizer.lasso;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.linear.MapSolver;

/** Provides optimizer {@code coordinate-descent}: the lasso MAP by cyclic coordinate descent with active sets. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.OPTIMIZER, name = "coordinate-descent",
        summary = "Lasso MAP (Laplace prior, Gaussian noise) by coordinate descent; stops on a duality gap")
public final class CoordinateDescentProvider implements Provider<MapSolver> {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = StoppingRule.TOLERANCE, defaultValue = StoppingRule.TOLERANCE_DEFAULT, greaterThan = 0)
            double tolerance,
            @Setting(value = "most passes over the coordinates (full or active-set)", defaultValue = "100000",
                    atLeast = 1) long maxIterations) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public MapSolver create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new CoordinateDescent(s.tolerance(), s.maxIterations(), KernelChoice.FASTEST);
    }
}

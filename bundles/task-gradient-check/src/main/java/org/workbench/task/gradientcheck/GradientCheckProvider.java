package org.workbench.task.gradientcheck;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Role;
import org.workbench.api.Task;
import org.workbench.api.TaskProvider;
import org.workbench.api.WorkbenchProvider;

/**
 * Provides task {@code gradient-check} (problem 3): builds the descriptor's network from its
 * layer components, reports the shapes of its parameters and intermediates, and computes the
 * loss gradients by backprop, by the homework's closed forms and by central finite differences.
 */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.TASK, name = "gradient-check",
        summary = "Shapes and gradients of a small network: backprop vs closed form vs finite differences")
public final class GradientCheckProvider implements TaskProvider {
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.vectorOrMatrix("x", "one data point as a vector of M features (the homework's column x),"
                    + " or N data points as rows (N x M)"),
            Parameter.numberOrVector("y", "the target of the one data point as a number, or one target per data point"
                    + " (N values; 0/1 for binary cross-entropy)"),
            Parameter.namedMatrices("parameters",
                    "initial parameters by name (W1, b1, W2, b2, ...: the k-th layer with weights owns Wk and bk) "
                            + "instead of the layers' seeded initialisation").optional(),
            Parameter.number("epsilon", "step of the central finite differences").withDefault(1e-6).greaterThan(0));

    /** What {@code run} writes; experiments/README.md's "Result keys" section says what each means. */
    @Override
    public List<String> resultKeys() {
        return List.of("input", "initialisation", "N", "M", "H", "shapes.*", "forward.*", "loss", "gradients.*",
                "closedForm.*", "finiteDifference.*", "relativeError.backpropVsFiniteDifference",
                "relativeError.backpropVsClosedForm", "relativeError.closedFormVsFiniteDifference",
                "maxRelativeError");
    }

    @Override
    public List<Role<?>> roles() {
        return Roles.ALL;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Task create(Parameters parameters, ComponentContext context) {
        return new GradientCheck(GradientCheckSettings.from(parameters));
    }
}

package org.workbench.task.gradientcheck;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
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
@WorkbenchProvider(kind = Kinds.TASK, name = "gradient-check", light = true,
        summary = "Shapes and gradients of a small network: backprop vs closed form vs finite differences")
public final class GradientCheckProvider implements TaskProvider {
    /**
     * The parameters, each declared once; {@code x} written as a vector reads as one column, and
     * {@code parameters} left out is {@code null}.
     */
    record Settings(
            @Setting(value = "one data point as a vector of M features (the homework's column x),"
                    + " or N data points as rows (N x M)", type = Parameter.Type.VECTOR_OR_MATRIX) double[][] x,
            @Setting(value = "the target of the one data point as a number, or one target per data point"
                    + " (N values; 0/1 for binary cross-entropy)", type = Parameter.Type.NUMBER_OR_VECTOR) double[] y,
            @Setting(value = "initial parameters by name (W1, b1, W2, b2, ...: the k-th layer with weights owns Wk and bk) "
                    + "instead of the layers' seeded initialisation", optional = true) Map<String, double[][]> parameters,
            @Setting(value = "step of the central finite differences", defaultValue = "1e-6", greaterThan = 0)
            double epsilon) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

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

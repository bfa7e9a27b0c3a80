package org.workbench.layers.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.Layer;

/** Provides layer {@code dense}: y = W x + b with {@code out} outputs. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.LAYER, name = "dense",
        summary = "Fully connected layer y = W x + b; W ~ N(0, initStddev^2), b = 0")
public final class DenseProvider implements Provider<Layer> {
    /** The parameters, each declared once. */
    record Settings(
            @Setting(value = "number of outputs (rows of W)", atLeast = 1) int out,
            @Setting(value = "standard deviation of the initial weights", defaultValue = "0.01", atLeast = 0)
            double initStddev) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Layer create(Parameters parameters, ComponentContext context) {
        Settings s = parameters.as(Settings.class);
        return new Dense(s.out(), s.initStddev(), context);
    }
}

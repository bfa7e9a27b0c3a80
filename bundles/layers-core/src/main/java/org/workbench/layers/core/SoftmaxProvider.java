package org.workbench.layers.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.Layer;

/** Provides layer {@code softmax}: row-wise probabilities from scores, for the template's softmax + cross-entropy. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.LAYER, name = "softmax",
        summary = "Row-wise softmax e^{z_j} / sum_k e^{z_k} (max-shifted); use with loss cross-entropy")
public final class SoftmaxProvider implements Provider<Layer> {
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Layer create(Parameters parameters, ComponentContext context) {
        return new Softmax();
    }
}

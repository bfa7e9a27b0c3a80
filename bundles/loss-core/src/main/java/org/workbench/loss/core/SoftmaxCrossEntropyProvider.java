package org.workbench.loss.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.Loss;

/** Provides loss {@code softmax-cross-entropy} on logits with class-index targets. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.LOSS, name = "softmax-cross-entropy",
        summary = "Mean log-sum-exp(z) - z_y over logits z; class indices as targets")
public final class SoftmaxCrossEntropyProvider implements Provider<Loss> {
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Loss create(Parameters parameters, ComponentContext context) {
        return new SoftmaxCrossEntropy();
    }
}

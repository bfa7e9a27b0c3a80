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

/** Provides loss {@code cross-entropy} on class probabilities (after a softmax layer) with class-index targets. */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.LOSS, name = "cross-entropy",
        summary = "Mean -log p_y over class probabilities p (clamped at 1e-12); put a softmax layer before it")
public final class CrossEntropyProvider implements Provider<Loss> {
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public Loss create(Parameters parameters, ComponentContext context) {
        return new CrossEntropy();
    }
}

package org.workbench.loss.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.workbench.api.ComponentContext;
import org.workbench.api.Kinds;
import org.workbench.api.Parameter;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.Setting;
import org.workbench.api.WorkbenchProvider;
import org.workbench.api.nn.Loss;

/** Provides loss {@code binary-cross-entropy} on an output of width 1 (probability or logit). */
@Component(service = Provider.class)
@WorkbenchProvider(kind = Kinds.LOSS, name = "binary-cross-entropy",
        summary = "Mean -(y log p + (1-y) log(1-p)); from probabilities (clamped) or logits")
public final class BinaryCrossEntropyProvider implements Provider<Loss> {
    /** The parameters, each declared once. */
    record Settings(@Setting(value = "what the network outputs: 'probability' (ends in a sigmoid) or 'logits'",
            defaultValue = "probability", oneOf = {"probability", "logits"}) String input) {
    }

    static final List<Parameter> PARAMETERS = Parameter.declaredBy(Settings.class);

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Loss create(Parameters parameters, ComponentContext context) {
        return new BinaryCrossEntropy("logits".equals(parameters.as(Settings.class).input()));
    }
}

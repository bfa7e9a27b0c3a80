package org.workbench.layers.core;

import java.util.Map;

import org.workbench.api.Provider;
import org.workbench.api.nn.Layer;
import org.workbench.api.testing.ProviderContract;

class SoftmaxProviderTest extends ProviderContract<Layer> {
    @Override
    protected Provider<Layer> provider() {
        return new SoftmaxProvider();
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of();
    }
}

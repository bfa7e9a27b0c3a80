package org.workbench.layers.core;

import java.util.Map;

import org.workbench.api.Provider;
import org.workbench.api.nn.Layer;
import org.workbench.api.testing.ProviderContract;

class DenseProviderTest extends ProviderContract<Layer> {
    @Override
    protected Provider<Layer> provider() {
        return new DenseProvider();
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of("out", 3L);
    }
}

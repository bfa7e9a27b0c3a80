package org.workbench.backend.vector;

import org.workbench.api.Provider;
import org.workbench.api.nn.Backend;
import org.workbench.api.testing.ProviderContract;

class VectorBackendProviderTest extends ProviderContract<Backend> {
    @Override
    protected Provider<Backend> provider() {
        return new VectorBackendProvider();
    }
}

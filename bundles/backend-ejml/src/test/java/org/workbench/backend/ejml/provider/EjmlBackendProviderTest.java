package org.workbench.backend.ejml.provider;

import org.workbench.api.Provider;
import org.workbench.api.nn.Backend;
import org.workbench.api.testing.ProviderContract;

class EjmlBackendProviderTest extends ProviderContract<Backend> {
    @Override
    protected Provider<Backend> provider() {
        return new EjmlBackendProvider();
    }
}

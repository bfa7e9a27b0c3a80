package org.workbench.backend.ejml;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.testing.BackendContract;

class EjmlBackendTest extends BackendContract {
    @Override
    protected Backend backend() {
        return new EjmlBackend(true);
    }
}

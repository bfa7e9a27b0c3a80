package org.workbench.backend.vector;

import org.workbench.api.nn.Backend;
import org.workbench.api.nn.testing.BackendContract;

class VectorBackendTest extends BackendContract {
    @Override
    protected Backend backend() {
        return new VectorBackend(2, Kernels.fromEnvironment(2), null);
    }
}

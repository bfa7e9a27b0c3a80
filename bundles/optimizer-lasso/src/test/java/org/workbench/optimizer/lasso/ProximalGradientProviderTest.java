package org.workbench.optimizer.lasso;

import org.workbench.api.Provider;
import org.workbench.api.linear.MapSolver;
import org.workbench.api.testing.ProviderContract;

class ProximalGradientProviderTest extends ProviderContract<MapSolver> {
    @Override
    protected Provider<MapSolver> provider() {
        return new ProximalGradientProvider();
    }
}
